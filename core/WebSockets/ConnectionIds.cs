using System.Buffers.Binary;
using System.Security.Cryptography;

namespace OrleansGateway.WebSockets;

/// <summary>
/// Connection IDs shaped like AWS's (16 base64 characters, such as <c>L0SM9cOFvHcCIhw=</c>): eleven
/// bytes, a tag (4) then the edge that accepted the socket (3) and that edge's connection counter (4),
/// masked with a hash of the tag so that IDs look random. The tag is the start of an HMAC of edge and
/// counter under the cluster's key: any edge refuses a made-up ID without a grain call. The edge lets a
/// grain find the socket again after it deactivated, with no storage read; edge IDs are never reused,
/// so an ID never names a later connection.
/// </summary>
public static class ConnectionIds
{
    public const int Length = 16;
    private const int ByteLength = 11;
    private const int TagLength = 4;
    private const int BodyLength = ByteLength - TagLength;

    public static string Create(int edgeId, uint sequence, byte[] key)
    {
        if (edgeId is < 1 or > 0xFFFFFF)
        {
            throw new ArgumentOutOfRangeException(nameof(edgeId), edgeId, "edge IDs take three bytes");
        }

        Span<byte> bytes = stackalloc byte[ByteLength];
        var body = bytes[TagLength..];
        body[0] = (byte)(edgeId >> 16);
        body[1] = (byte)(edgeId >> 8);
        body[2] = (byte)edgeId;
        BinaryPrimitives.WriteUInt32BigEndian(body[3..], sequence);
        Tag(key, body, bytes[..TagLength]);
        Mask(bytes[..TagLength], body);
        return Convert.ToBase64String(bytes);
    }

    /// <summary>The edge an ID names, when the ID is well formed and tagged under <paramref name="key"/>.</summary>
    public static bool TryRead(ReadOnlySpan<char> connectionId, byte[] key, out int edgeId)
    {
        Span<byte> bytes = stackalloc byte[ByteLength + 1];
        if (!TryUnmask(connectionId, bytes, out edgeId))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[TagLength];
        Tag(key, bytes[TagLength..ByteLength], expected);
        return CryptographicOperations.FixedTimeEquals(expected, bytes[..TagLength]);
    }

    /// <summary>The edge an ID names, for callers that checked the ID already; -1 when malformed.</summary>
    public static int EdgeOf(string connectionId)
    {
        Span<byte> bytes = stackalloc byte[ByteLength + 1];
        return TryUnmask(connectionId, bytes, out var edgeId) ? edgeId : -1;
    }

    private static bool TryUnmask(ReadOnlySpan<char> connectionId, Span<byte> bytes, out int edgeId)
    {
        edgeId = 0;
        if (connectionId.Length != Length
            || !Convert.TryFromBase64Chars(connectionId, bytes, out var written)
            || written != ByteLength)
        {
            return false;
        }

        var body = bytes[TagLength..ByteLength];
        Mask(bytes[..TagLength], body);
        edgeId = (body[0] << 16) | (body[1] << 8) | body[2];
        return edgeId > 0;
    }

    private static void Tag(byte[] key, ReadOnlySpan<byte> body, Span<byte> tag)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, body, mac);
        mac[..TagLength].CopyTo(tag);
    }

    // The mask hides the structure, not a secret: it is derived from the tag, which the ID shows.
    private static void Mask(ReadOnlySpan<byte> tag, Span<byte> body)
    {
        Span<byte> pad = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(tag, pad);
        for (var i = 0; i < body.Length; i++)
        {
            body[i] ^= pad[i];
        }
    }
}
