using OrleansGateway.HttpApis;

namespace OrleansGateway.Grains.Tests.HttpApis;

/// <summary>The API directory edges route by: every API and its protocol type, under a version that only grows.</summary>
public sealed class ApiDirectoryTests(GatewayClusterFixture fixture) : IClassFixture<GatewayClusterFixture>
{
    private IApiRegistryGrain Registry => fixture.Client.GetGrain<IApiRegistryGrain>(0);

    [Fact]
    public async Task CreatedAndDeletedApis_AreInTheDirectoryWithTheirProtocolUnderNewVersions()
    {
        var start = await Registry.GetDirectoryVersion();
        var http = await Registry.CreateApi(new ApiInput { Name = "dir-http", ProtocolType = ProtocolTypes.Http });
        var socket = await Registry.CreateApi(new ApiInput { Name = "dir-ws", ProtocolType = ProtocolTypes.WebSocket, RouteSelectionExpression = "$request.body.action" });

        var afterCreate = await Registry.GetDirectory();
        Assert.Equal(start + 2, afterCreate.Version);
        Assert.Equal(ProtocolTypes.Http, afterCreate.Apis[http.ApiId]);
        Assert.Equal(ProtocolTypes.WebSocket, afterCreate.Apis[socket.ApiId]);

        await fixture.Client.GetGrain<IApiGrain>(http.ApiId).Delete();

        var afterDelete = await Registry.GetDirectory();
        Assert.Equal(afterCreate.Version + 1, afterDelete.Version);
        Assert.False(afterDelete.Apis.ContainsKey(http.ApiId));
        Assert.True(afterDelete.Apis.ContainsKey(socket.ApiId));
        Assert.Equal(afterDelete.Version, await Registry.GetDirectoryVersion());
    }
}
