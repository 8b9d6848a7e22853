namespace OrleansGateway;

/// <summary>
/// Request IDs shaped like AWS's: <c>apigw-requestid</c> (16 base64 characters) for HTTP APIs, a
/// version 4 UUID (<c>x-amzn-RequestId</c>) for REST APIs. They identify requests, they are not
/// secrets, so they come from <see cref="Random.Shared"/>: no system call per request, as the
/// cryptographic source (which <see cref="Guid.NewGuid"/> reads) would cost.
/// </summary>
public static class RequestIds
{
    public static string Next() => string.Create(16, 0, static (chars, _) =>
    {
        Span<byte> bytes = stackalloc byte[12];
        Random.Shared.NextBytes(bytes);
        Convert.TryToBase64Chars(bytes, chars, out _);
    });

    /// <summary>A random UUID in the standard form (<c>8-4-4-4-12</c> lower-case hex, version 4, RFC 4122 variant).</summary>
    public static string NextUuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        // Guid's third field is little-endian: byte 7 holds the version nibble, byte 8 the variant bits.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }
}
