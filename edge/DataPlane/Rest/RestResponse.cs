namespace OrleansGateway.Edge.DataPlane.Rest;

/// <summary>A REST answer ready to write: from the integration response, a proxy or a gateway response.</summary>
public sealed record RestResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body);
