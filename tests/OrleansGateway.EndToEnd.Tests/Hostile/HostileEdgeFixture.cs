using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.Hostile;

/// <summary>
/// An embedded edge whose client timeouts are short, so slow-client cases end within seconds, and an
/// echo backend. The limits are the gateway's own configuration keys, as an operator would set them.
/// </summary>
public sealed class HostileEdgeFixture : EmbeddedEdgeFixture
{
    protected override IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["Gateway__DataPlane__RequestHeadersTimeout"] = "00:00:02",
        ["Gateway__DataPlane__MinDataRateGracePeriod"] = "00:00:02",
    };
}
