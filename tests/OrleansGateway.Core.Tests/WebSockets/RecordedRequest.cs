namespace OrleansGateway.Core.Tests.WebSockets;

/// <summary>One call <see cref="LoopbackBackend"/> received; the path as sent (still escaped), header names lower-case.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, Dictionary<string, string> Headers, string Body);
