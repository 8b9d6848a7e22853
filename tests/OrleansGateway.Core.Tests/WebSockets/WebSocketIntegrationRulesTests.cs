using OrleansGateway.HttpApis;
using OrleansGateway.WebSockets;

namespace OrleansGateway.Core.Tests.WebSockets;

public sealed class WebSocketIntegrationRulesTests
{
    private static IntegrationDefinition Integration(string type, Dictionary<string, string>? parameters = null, int? timeout = null) => new()
    {
        IntegrationId = "i1",
        IntegrationType = type,
        IntegrationUri = "http://backend.example/x",
        RequestParameters = parameters,
        TimeoutInMillis = timeout,
    };

    [Theory]
    [InlineData(IntegrationTypes.Http, true)]
    [InlineData(IntegrationTypes.HttpProxy, true)]
    [InlineData(IntegrationTypes.Mock, true)]
    [InlineData(IntegrationTypes.Aws, false)]
    [InlineData(IntegrationTypes.AwsProxy, false)]
    public void OnlyTheTypesTheDispatcherRuns_AreAccepted(string type, bool accepted)
    {
        var refusal = WebSocketIntegrationRules.Check(Integration(type));

        Assert.Equal(accepted, refusal is null);
        if (!accepted)
        {
            Assert.Contains("use HTTP, HTTP_PROXY or MOCK", refusal, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("route.request.header.x-token", true)]
    [InlineData("route.request.querystring.token", true)]
    [InlineData("route.request.multivalueheader.x", true)]
    [InlineData("route.request.body.user.name", true)]
    [InlineData("context.connectionId", true)]
    [InlineData("stageVariables.env", true)]
    [InlineData("'static'", true)]
    [InlineData("route.request.path.id", false)]
    [InlineData("method.request.header.x", false)]
    [InlineData("integration.response.header.x", false)]
    [InlineData("request.body", false)]
    public void RequestParameterSources_AreWebSocketOnes(string source, bool accepted)
    {
        var refusal = WebSocketIntegrationRules.Check(Integration(IntegrationTypes.Http, new() { ["integration.request.header.x"] = source }));

        Assert.Equal(accepted ? null : $"Invalid mapping expression specified: {source}", refusal);
    }

    [Theory]
    [InlineData(49, false)]
    [InlineData(50, true)]
    [InlineData(29_000, true)]
    [InlineData(29_001, false)]
    public void Timeout_IsBetween50MillisecondsAnd29Seconds(int timeout, bool accepted) =>
        Assert.Equal(accepted, WebSocketIntegrationRules.Check(Integration(IntegrationTypes.Mock, timeout: timeout)) is null);

    [Theory]
    [InlineData("$default", true)]
    [InlineData("/2\\d\\d/", true)]
    [InlineData("/404/", true)]
    [InlineData("200", false)]
    [InlineData("//", false)]
    [InlineData("/(/", false)]
    public void IntegrationResponseKeys_AreDefaultOrARegexBetweenSlashes(string key, bool accepted) =>
        Assert.Equal(accepted, WebSocketIntegrationRules.CheckIntegrationResponseKey(key) is null);
}
