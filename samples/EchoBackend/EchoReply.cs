namespace OrleansGateway.Samples.EchoBackend;

/// <summary>What the echo backend saw of one request.</summary>
public sealed record EchoReply(string Method, string Path, string Query, Dictionary<string, string> Headers, string Body);
