using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.RestApis;

/// <summary>An embedded edge that logs each REST stage grain activation, so a test can count them in its output.</summary>
public sealed class StageActivationLogEdgeFixture : EmbeddedEdgeFixture
{
    public const string ActivationLine = "REST stage ";

    protected override IReadOnlyDictionary<string, string>? Environment { get; } = new Dictionary<string, string>
    {
        ["Logging__LogLevel__OrleansGateway.RestApis.RestStageGrain"] = "Debug",
    };
}
