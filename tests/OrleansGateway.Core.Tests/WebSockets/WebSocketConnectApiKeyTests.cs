using OrleansGateway.HttpApis;
using OrleansGateway.Routing;
using static OrleansGateway.Core.Tests.WebSockets.WebSocketStage;

namespace OrleansGateway.Core.Tests.WebSockets;

/// <summary>What an edge's table of a WebSocket stage says a connect must show: an API key, and from where.</summary>
public sealed class WebSocketConnectApiKeyTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData(ApiKeySelectionExpressions.Header, true)]
    [InlineData(ApiKeySelectionExpressions.Authorizer, false)]
    public void ConnectRequiringKey_ReadsTheHeader_UnlessTheKeyIsAnAuthorizers(string? expression, bool fromHeader)
    {
        var stage = new WebSocketStage { ApiKeySelectionExpression = expression }
            .Route("$connect", Mock()).Authorized("NONE", apiKeyRequired: true)
            .Route("$default", Mock());

        var table = StageRoutingTable.Create(stage.Runtime(), TimeSpan.FromSeconds(29));

        Assert.Equal(fromHeader, table.ConnectApiKey?.IsFromHeader);
        Assert.Empty(table.Faults);
        Assert.Equal(0, table.RouteCount);
    }

    [Fact]
    public void KeyRequiredOnAMessageRouteOnly_AsksNothingOfTheConnect()
    {
        var stage = new WebSocketStage()
            .Route("$connect", Mock())
            .Route("$default", Mock()).Authorized("NONE", apiKeyRequired: true);

        Assert.Null(StageRoutingTable.Create(stage.Runtime(), TimeSpan.FromSeconds(29)).ConnectApiKey);
    }
}
