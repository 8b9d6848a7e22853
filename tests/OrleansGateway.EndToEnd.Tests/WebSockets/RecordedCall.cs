namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>One call an integration backend received.</summary>
public sealed record RecordedCall(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body);
