namespace OrleansGateway;

/// <summary>Request IDs shaped like AWS's <c>apigw-requestid</c> (16 base64 characters), one string each.</summary>
public static class RequestIds
{
    public static string Next() => string.Create(16, 0, static (chars, _) =>
    {
        Span<byte> bytes = stackalloc byte[12];
        Random.Shared.NextBytes(bytes);
        Convert.TryToBase64Chars(bytes, chars, out _);
    });
}
