namespace OrleansGateway.EndToEnd.Tests.Infrastructure;

/// <summary>An answer read by <see cref="RawHttp"/>.</summary>
public sealed record RawResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? ErrorType => Headers.TryGetValue("x-amzn-ErrorType", out var type) ? type : null;
}
