namespace OrleansGateway.SigV4;

/// <summary>
/// A request as it arrived, in the terms Signature V4 signs: the method, the path and query
/// exactly as sent on the wire (still percent-encoded), every header (a name may repeat) and
/// the hex SHA-256 of the body.
/// </summary>
public sealed record SigV4Request(
    string Method,
    string RawPath,
    string RawQuery,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string PayloadHash)
{
    /// <summary>Every value of a header, in the order received (names compare case-insensitively).</summary>
    public IEnumerable<string> HeaderValues(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    public string? Header(string name) => HeaderValues(name).FirstOrDefault();
}
