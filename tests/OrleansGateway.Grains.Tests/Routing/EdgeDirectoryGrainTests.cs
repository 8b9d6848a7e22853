using OrleansGateway.DomainNames;
using OrleansGateway.Edges;
using OrleansGateway.HttpApis;
using OrleansGateway.Routing;

namespace OrleansGateway.Grains.Tests.Routing;

public sealed class EdgeDirectoryGrainTests(GatewayClusterFixture fixture) : IClassFixture<GatewayClusterFixture>
{
    [Fact]
    public async Task SubscribedEdge_HearsApiAndStageChanges()
    {
        var edge = new RecordingEdge();
        var reference = fixture.Client.CreateObjectReference<IEdgeObserver>(edge);
        var directory = fixture.Client.GetGrain<IEdgeDirectoryGrain>(0);
        var referenceId = (await directory.Join(reference)).EdgeId;
        try
        {
            var api = await fixture.Client.GetGrain<IApiRegistryGrain>(0).CreateApi(new ApiInput { Name = "heard", ProtocolType = "HTTP" });
            await fixture.Client.GetGrain<IApiGrain>(api.ApiId).CreateStage(new StageInput { StageName = "dev" });

            // Delivery is fire-and-forget, so only the set of notices is certain, not their order.
            string[] heard = [await edge.NextAsync(), await edge.NextAsync(), await edge.NextAsync(), await edge.NextAsync()];
            var version = await fixture.Client.GetGrain<IApiRegistryGrain>(0).GetDirectoryVersion();
            Assert.Equal([$"api {api.ApiId}", $"api {api.ApiId}", $"directory {version}", $"stage {api.ApiId}/dev"], heard.Order(StringComparer.Ordinal));
        }
        finally
        {
            await directory.Leave(referenceId);
            fixture.Client.DeleteObjectReference<IEdgeObserver>(reference);
        }
    }

    [Fact]
    public async Task SubscribedEdge_HearsDomainNameAndApiMappingChanges()
    {
        var edge = new RecordingEdge();
        var reference = fixture.Client.CreateObjectReference<IEdgeObserver>(edge);
        var directory = fixture.Client.GetGrain<IEdgeDirectoryGrain>(0);
        var referenceId = (await directory.Join(reference)).EdgeId;
        try
        {
            var registry = fixture.Client.GetGrain<IDomainNameRegistryGrain>(0);
            await registry.CreateDomainName(new DomainNameInput { DomainName = "heard.example.test" });
            Assert.Equal("domain names", await edge.NextAsync());
            await registry.DeleteDomainName("heard.example.test");
            Assert.Equal("domain names", await edge.NextAsync());
        }
        finally
        {
            await directory.Leave(referenceId);
            fixture.Client.DeleteObjectReference<IEdgeObserver>(reference);
        }
    }

    [Fact]
    public async Task DeadEdge_DoesNotStopOthersFromHearing()
    {
        var directory = fixture.Client.GetGrain<IEdgeDirectoryGrain>(0);
        var dead = fixture.Client.CreateObjectReference<IEdgeObserver>(new RecordingEdge());
        var deadId = (await directory.Join(dead)).EdgeId;
        fixture.Client.DeleteObjectReference<IEdgeObserver>(dead);
        var live = new RecordingEdge();
        var reference = fixture.Client.CreateObjectReference<IEdgeObserver>(live);
        var referenceId = (await directory.Join(reference)).EdgeId;
        try
        {
            await directory.PublishStageChanged("someapi000", "prod");
            Assert.Equal("stage someapi000/prod", await live.NextAsync());
        }
        finally
        {
            await directory.Leave(referenceId);
            await directory.Leave(deadId);
            fixture.Client.DeleteObjectReference<IEdgeObserver>(reference);
        }
    }
}
