using Microsoft.Extensions.Logging;
using OrleansGateway.HttpApis;
using OrleansGateway.Routing;
using OrleansGateway.Storage;

namespace OrleansGateway.RestApis;

/// <summary>
/// A REST stage: its settings and the deployments it serves (and its canary's). Every change gets
/// a version never used before, and the edges are told once the write has succeeded.
/// </summary>
public sealed partial class RestStageGrain(
    [PersistentState("state", StorageNames.Gateway)] IPersistentState<RestStageState> state,
    IGrainFactory grains,
    ILogger<RestStageGrain> logger) : Grain, IRestStageGrain
{
    private RestDeploymentSnapshot? _snapshot;
    private RestDeploymentSnapshot? _canarySnapshot;

    private string RestApiId => this.GetPrimaryKeyString().Split('/', 2)[0];

    private string StageName => this.GetPrimaryKeyString().Split('/', 2)[1];

    // Edges call a stage grain only for stage names its API has: this line shows that a client's made-up names activate none.
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Log.Activated(logger, this.GetPrimaryKeyString(), state.State.Stage is not null);
        return Task.CompletedTask;
    }

    public async Task<RestStageRuntime?> GetRuntime()
    {
        if (state.State.Stage is not { } stage)
        {
            return null;
        }

        _snapshot = await Load(stage.DeploymentId, _snapshot);
        _canarySnapshot = await Load(stage.CanarySettings?.DeploymentId, _canarySnapshot);
        return new RestStageRuntime
        {
            RestApiId = RestApiId,
            Stage = stage,
            Deployment = _snapshot,
            CanaryDeployment = stage.CanarySettings is null ? null : _canarySnapshot,
            Version = state.State.Version,
            CacheGeneration = state.State.CacheGeneration,
        };
    }

    public Task<long> GetVersion() => Task.FromResult(state.State.Version);

    public Task<RestStage?> Get() => Task.FromResult(state.State.Stage);

    public async Task<RestStage> Save(RestStage stage)
    {
        state.State = new RestStageState
        {
            Stage = stage with { StageName = StageName, LastUpdatedDate = Timestamps.Now() },
            Version = state.State.Version + 1,
            CacheGeneration = state.State.CacheGeneration,
        };
        await state.WriteStateOrReloadAsync(this);
        await Publish();
        return state.State.Stage!;
    }

    public async Task FlushCache()
    {
        state.State.CacheGeneration++;
        state.State.Version++;
        await state.WriteStateOrReloadAsync(this);
        await Publish();
    }

    // Tags are not part of what the edges serve: no new version, nothing to publish.
    public async Task<RestStage> SetTags(Dictionary<string, string> tags)
    {
        state.State = new RestStageState
        {
            Stage = state.State.Stage! with { Tags = tags.Count > 0 ? tags : null },
            Version = state.State.Version,
            CacheGeneration = state.State.CacheGeneration,
        };
        await state.WriteStateOrReloadAsync(this);
        return state.State.Stage!;
    }

    public async Task Delete()
    {
        state.State = new RestStageState { Stage = null, Version = state.State.Version + 1, CacheGeneration = state.State.CacheGeneration };
        await state.WriteStateOrReloadAsync(this);
        _snapshot = null;
        _canarySnapshot = null;
        await Publish();
    }

    private async Task<RestDeploymentSnapshot?> Load(string? deploymentId, RestDeploymentSnapshot? cached) =>
        deploymentId is null ? null
        : cached?.Deployment.Id == deploymentId ? cached
        : await grains.GetGrain<IRestDeploymentGrain>($"{RestApiId}/{deploymentId}").GetSnapshot();

    private Task Publish() => grains.GetGrain<IEdgeDirectoryGrain>(0).PublishStageChanged(RestApiId, StageName);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "REST stage {Stage} activated (exists: {Exists})")]
        public static partial void Activated(ILogger logger, string stage, bool exists);
    }
}
