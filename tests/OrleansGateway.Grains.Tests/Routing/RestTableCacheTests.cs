using Microsoft.Extensions.Logging.Abstractions;
using OrleansGateway.Edge.DataPlane.Rest;
using OrleansGateway.HttpApis;
using OrleansGateway.RestApis;

namespace OrleansGateway.Grains.Tests.Routing;

/// <summary>
/// The edge's REST stage cache against a real cluster, with no edge subscribed, so every push is
/// lost: a client's made-up stage names activate no stage grain, and a stage created behind the
/// cache's back is served after the push (what the edge's observer does) or after revalidation.
/// </summary>
public sealed class RestTableCacheTests(GatewayClusterFixture fixture) : IClassFixture<GatewayClusterFixture>
{
    private IApiRegistryGrain Registry => fixture.Client.GetGrain<IApiRegistryGrain>(0);

    [Fact]
    public async Task MadeUpStageNames_ActivateNoStageGrain()
    {
        var api = await DeployedApiAsync("made-up", "prod");
        var cache = new RestTableCache(fixture.Client, NullLogger<RestTableCache>.Instance);
        Assert.NotNull(await cache.GetAsync(api, "prod"));
        var before = await StageGrainActivationsAsync();

        for (var i = 0; i < 3000; i++)
        {
            Assert.Null(await cache.GetAsync(api, $"stage{i}"));
        }

        Assert.Null(await cache.GetAsync(api, "not a stage"));
        Assert.Null(await cache.GetAsync(api, new string('a', 129)));
        Assert.Equal(before, await StageGrainActivationsAsync());
        Assert.NotNull(await cache.GetAsync(api, "prod"));
    }

    [Fact]
    public async Task NewStage_IsServedAfterThePush_AndAfterRevalidationWhenThePushWasLost()
    {
        var api = await DeployedApiAsync("new-stage", "prod");
        var grain = fixture.Client.GetGrain<IRestApiGrain>(api);
        var cache = new RestTableCache(fixture.Client, NullLogger<RestTableCache>.Instance);
        Assert.NotNull(await cache.GetAsync(api, "prod"));

        await grain.CreateDeployment(new RestDeploymentInput { StageName = "pushed" });
        Assert.Null(await cache.GetAsync(api, "pushed"));
        cache.InvalidateApi(api);
        Assert.NotNull(await cache.GetAsync(api, "pushed"));

        await grain.CreateDeployment(new RestDeploymentInput { StageName = "lost" });
        Assert.Null(await cache.GetAsync(api, "lost"));
        await cache.RevalidateAsync(TestContext.Current.CancellationToken);
        Assert.NotNull(await cache.GetAsync(api, "lost"));

        await grain.DeleteStage("lost");
        await cache.RevalidateAsync(TestContext.Current.CancellationToken);
        Assert.Null(await cache.GetAsync(api, "lost"));
        Assert.NotNull(await cache.GetAsync(api, "prod"));
    }

    private async Task<string> DeployedApiAsync(string name, string stage)
    {
        var api = await Registry.CreateRestApi(new RestApiInput { Name = name });
        var grain = fixture.Client.GetGrain<IRestApiGrain>(api.Id);
        await grain.PutMethod(api.RootResourceId, "GET", new RestMethodInput { AuthorizationType = "NONE" });
        await grain.PutIntegration(api.RootResourceId, "GET", new RestIntegrationInput { Type = "MOCK" });
        await grain.CreateDeployment(new RestDeploymentInput { StageName = stage });
        return api.Id;
    }

    private async Task<int> StageGrainActivationsAsync()
    {
        var statistics = await fixture.Client.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains(nameof(RestStageGrain), StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }
}
