using System.Buffers.Binary;
using System.Security.Cryptography;

namespace OrleansGateway.WebSockets;

/// <summary>
/// Connection IDs shaped like AWS's (16 base64 characters, such as <c>L0SM9cOFvHcCIhw=</c>): ten bytes
/// holding the edge that accepted the socket (3), that edge's connection counter (4) and a tag (3),
/// the first bytes of an HMAC under the cluster's key. The edge lets a grain find the socket again
/// after it deactivated, with no storage read; the tag lets any edge refuse a made-up ID without a
/// grain call. Edge IDs are never reused, so an ID never names a later connection.
/// </summary>
public static class ConnectionIds
{
    public const int Length = 16;
    private const int ByteLength = 10;

    public static string Create(int edgeId, uint sequence, byte[] key)
    {
        Span<byte> bytes = stackalloc byte[ByteLength];
        WriteBody(bytes, edgeId, sequence);
        Sign(bytes, key);
        return Convert.ToBase64String(bytes);
    }

    /// <summary>The edge an ID names, when the ID is well formed and signed with <paramref name="key"/>.</summary>
    public static bool TryRead(ReadOnlySpan<char> connectionId, byte[] key, out int edgeId)
    {
        edgeId = 0;
        Span<byte> bytes = stackalloc byte[ByteLength + 2];
        if (connectionId.Length != Length
            || !Convert.TryFromBase64Chars(connectionId, bytes, out var written)
            || written != ByteLength)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[ByteLength];
        bytes[..7].CopyTo(expected);
        Sign(expected, key);
        if (!CryptographicOperations.FixedTimeEquals(expected[7..], bytes[7..ByteLength]))
        {
            return false;
        }

        edgeId = (bytes[0] << 16) | (bytes[1] << 8) | bytes[2];
        return true;
    }

    /// <summary>The edge an ID names, for callers that checked the ID already.</summary>
    public static int EdgeOf(string connectionId)
    {
        Span<byte> bytes = stackalloc byte[ByteLength + 2];
        return Convert.TryFromBase64String(connectionId, bytes, out var written) && written == ByteLength
            ? (bytes[0] << 16) | (bytes[1] << 8) | bytes[2]
            : -1;
    }

    private static void WriteBody(Span<byte> bytes, int edgeId, uint sequence)
    {
        if (edgeId is < 1 or > 0xFFFFFF)
        {
            throw new ArgumentOutOfRangeException(nameof(edgeId), edgeId, "edge IDs take three bytes");
        }

        bytes[0] = (byte)(edgeId >> 16);
        bytes[1] = (byte)(edgeId >> 8);
        bytes[2] = (byte)edgeId;
        BinaryPrimitives.WriteUInt32BigEndian(bytes[3..7], sequence);
    }

    private static void Sign(Span<byte> bytes, byte[] key)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, bytes[..7], mac);
        mac[..3].CopyTo(bytes[7..ByteLength]);
    }
}
