using Orleans.Core.Internal;
using OrleansGateway.Edges;
using OrleansGateway.DomainNames;
using OrleansGateway.Grains.Tests.Routing;
using OrleansGateway.HttpApis;
using OrleansGateway.Routing;

namespace OrleansGateway.Grains.Tests.Storage;

/// <summary>A write that fails leaves the grain as storage has it: not served, not persisted later, not published.</summary>
public sealed class FailedWriteTests(FaultyStorageClusterFixture fixture) : IClassFixture<FaultyStorageClusterFixture>
{
    private readonly IClusterClient _grains = fixture.Client;

    [Fact]
    public async Task FailedStageUpdate_KeepsTheOldStage_PublishesNothing_AndNeverGivesItsVersionToOtherContent()
    {
        var api = await CreateApi("stage-fault");
        await api.CreateStage(new StageInput { StageName = "prod", Description = "A" });
        var stage = _grains.GetGrain<IStageGrain>($"{api.GetPrimaryKeyString()}/prod");
        var contentOfVersion = new Dictionary<long, string?>();
        var before = await Observe(stage, contentOfVersion);
        var edge = new RecordingEdge();
        var reference = _grains.CreateObjectReference<IEdgeObserver>(edge);
        var directory = _grains.GetGrain<IEdgeDirectoryGrain>(0);
        var referenceId = (await directory.Join(reference)).EdgeId;
        try
        {
            await FailingWrites(() => api.UpdateStage("prod", new StageInput { Description = "B" }));

            var after = await Observe(stage, contentOfVersion);
            Assert.Equal(("A", before.Version), (after.Stage.Description, after.Version));
            Assert.Equal("A", (await api.GetStage("prod")).Description);

            // Notices from one publisher arrive in order: the first one heard must be this marker, not the failed change.
            await directory.PublishStageChanged("marker", "marker");
            Assert.Equal("stage marker/marker", await edge.NextAsync());

            // A later activation (after idle collection, a restart) numbers the next change; it must not reuse a version seen with other content.
            await stage.Cast<IGrainManagementExtension>().DeactivateOnIdle();
            await api.UpdateStage("prod", new StageInput { Description = "C" });
            var changed = await Observe(stage, contentOfVersion);
            Assert.Equal("C", changed.Stage.Description);
            Assert.True(changed.Version > before.Version);
            Assert.Equal($"stage {api.GetPrimaryKeyString()}/prod", await edge.NextAsync());
        }
        finally
        {
            await directory.Leave(referenceId);
            _grains.DeleteObjectReference<IEdgeObserver>(reference);
        }
    }

    [Fact]
    public async Task FailedRouteCreate_LeavesNoRoute_AndTheSameKeyCanBeCreatedAfter()
    {
        var api = await CreateApi("route-fault");
        var integration = await api.CreateIntegration(new IntegrationInput
        {
            IntegrationType = "HTTP_PROXY",
            IntegrationMethod = "ANY",
            IntegrationUri = "http://backend.example",
            PayloadFormatVersion = "1.0",
        });
        var route = new RouteInput { RouteKey = "GET /pets", Target = "integrations/" + integration.IntegrationId };

        await FailingWrites(() => api.CreateRoute(route));

        Assert.Empty(await api.GetRoutes());
        Assert.Equal("GET /pets", (await api.CreateRoute(route)).RouteKey);
        Assert.Single(await api.GetRoutes());
    }

    [Fact]
    public async Task FailedDomainNameCreate_LeavesNoDomainName_AndTheNameCanBeCreatedAfter()
    {
        var registry = _grains.GetGrain<IDomainNameRegistryGrain>(0);
        var name = $"fault-{Guid.NewGuid():N}.example.test";

        await FailingWrites(() => registry.CreateDomainName(new DomainNameInput { DomainName = name }));

        Assert.DoesNotContain(name, (await registry.GetDomainNames()).Select(d => d.DomainName));
        Assert.Equal(name, (await registry.CreateDomainName(new DomainNameInput { DomainName = name })).DomainName);
    }

    private async Task<IApiGrain> CreateApi(string name)
    {
        var api = await _grains.GetGrain<IApiRegistryGrain>(0).CreateApi(new ApiInput { Name = name, ProtocolType = "HTTP" });
        return _grains.GetGrain<IApiGrain>(api.ApiId);
    }

    // The call must fail because storage did, not for any other reason.
    private async Task FailingWrites(Func<Task> call)
    {
        var failedBefore = fixture.Faults.FailedWrites;
        fixture.Faults.FailWrites = true;
        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(call);
            Assert.Contains("(injected)", error.ToString());
        }
        finally
        {
            fixture.Faults.FailWrites = false;
        }

        Assert.True(fixture.Faults.FailedWrites > failedBefore);
    }

    private static async Task<StageRuntime> Observe(IStageGrain stage, Dictionary<long, string?> contentOfVersion)
    {
        var runtime = (await stage.GetRuntime())!;
        if (contentOfVersion.TryGetValue(runtime.Version, out var seen))
        {
            Assert.Equal(seen, runtime.Stage.Description);
        }

        contentOfVersion[runtime.Version] = runtime.Stage.Description;
        return runtime;
    }
}
