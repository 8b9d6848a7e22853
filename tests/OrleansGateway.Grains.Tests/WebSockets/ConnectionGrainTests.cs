using System.Text;
using OrleansGateway.Errors;
using OrleansGateway.WebSockets;

namespace OrleansGateway.Grains.Tests.WebSockets;

public sealed class ConnectionGrainTests(WebSocketGrainsFixture fixture) : IClassFixture<WebSocketGrainsFixture>
{
    private static readonly byte[] Hello = Encoding.UTF8.GetBytes("hello");

    private readonly IClusterClient _grains = fixture.Client;

    [Fact]
    public async Task Post_ToAnEdgeThatCannotBeReachedJustNow_Is503_ToAnEdgeThatLeft_IsGone()
    {
        await using var edge = await JoinedEdge.JoinAsync(_grains);
        var connection = _grains.GetGrain<IConnectionGrain>(edge.Open());
        Assert.True(await connection.Post("api", "prod", Hello));

        edge.Edge.Failing = true;
        var error = await Assert.ThrowsAsync<ApiGatewayException>(() => connection.Post("api", "prod", Hello));
        var closing = await Assert.ThrowsAsync<ApiGatewayException>(() => connection.Close("api", "prod"));

        Assert.Equal(("ServiceUnavailableException", 503), (error.ErrorType, error.StatusCode));
        Assert.Equal(503, closing.StatusCode);

        await edge.LeaveAsync();
        Assert.False(await connection.Post("api", "prod", Hello));
    }
}
