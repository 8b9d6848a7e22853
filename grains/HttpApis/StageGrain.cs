using OrleansGateway.Errors;
using OrleansGateway.Routing;
using OrleansGateway.Storage;

namespace OrleansGateway.HttpApis;

/// <summary>
/// A stage: its settings and the deployment it serves. Every change bumps <see cref="StageState.Version"/>
/// and tells the edges, which then fetch <see cref="GetRuntime"/> again.
/// </summary>
public sealed class StageGrain(
    [PersistentState("state", StorageNames.Gateway)] IPersistentState<StageState> state,
    IGrainFactory grains) : Grain, IStageGrain
{
    private DeploymentSnapshot? _snapshot;

    private string ApiId => this.GetPrimaryKeyString().Split('/', 2)[0];

    private string StageName => this.GetPrimaryKeyString().Split('/', 2)[1];

    public async Task<StageRuntime?> GetRuntime()
    {
        if (state.State.Stage is not { } stage)
        {
            return null;
        }

        if (stage.DeploymentId is { } deploymentId && _snapshot?.Deployment.DeploymentId != deploymentId)
        {
            _snapshot = await grains.GetGrain<IDeploymentGrain>($"{ApiId}/{deploymentId}").GetSnapshot();
        }

        return new StageRuntime
        {
            ApiId = ApiId,
            Stage = stage,
            Deployment = stage.DeploymentId is null ? null : _snapshot,
            Version = state.State.Version,
        };
    }

    public Task<long> GetVersion() => Task.FromResult(state.State.Version);

    // The API grain has checked that the name is free; a leftover from an interrupted create is replaced.
    public async Task<StageDefinition> Create(StageInput input, bool apiGatewayManaged)
    {
        var now = Timestamps.Now();
        return await Save(new StageDefinition
        {
            StageName = StageName,
            DeploymentId = input.DeploymentId,
            Description = input.Description,
            StageVariables = input.StageVariables,
            AutoDeploy = input.AutoDeploy ?? false,
            CreatedDate = now,
            LastUpdatedDate = now,
            DefaultRouteSettings = input.DefaultRouteSettings ?? new RouteSettings { DetailedMetricsEnabled = false },
            RouteSettings = input.RouteSettings ?? [],
            AccessLogSettings = input.AccessLogSettings,
            ClientCertificateId = input.ClientCertificateId,
            Tags = input.Tags ?? [],
            ApiGatewayManaged = apiGatewayManaged,
        });
    }

    public Task<StageDefinition?> Get() => Task.FromResult(state.State.Stage);

    public Task<StageDefinition> Update(StageInput input)
    {
        var stage = Existing();
        return Save(stage with
        {
            DeploymentId = input.DeploymentId ?? stage.DeploymentId,
            Description = input.Description ?? stage.Description,
            StageVariables = input.StageVariables ?? stage.StageVariables,
            AutoDeploy = input.AutoDeploy ?? stage.AutoDeploy,
            DefaultRouteSettings = input.DefaultRouteSettings ?? stage.DefaultRouteSettings,
            RouteSettings = input.RouteSettings ?? stage.RouteSettings,
            AccessLogSettings = input.AccessLogSettings ?? stage.AccessLogSettings,
            ClientCertificateId = input.ClientCertificateId ?? stage.ClientCertificateId,
        });
    }

    // AWS reports how the last automatic deployment went; a manual one leaves no message.
    public Task<StageDefinition> Deploy(string deploymentId)
    {
        var stage = Existing();
        return Save(stage with
        {
            DeploymentId = deploymentId,
            LastDeploymentStatusMessage = stage.AutoDeploy ? $"Successfully deployed stage with deployment ID '{deploymentId}'" : null,
        });
    }

    // Tags are not part of what the edges serve: no new version, nothing to publish.
    public async Task<StageDefinition> SetTags(Dictionary<string, string> tags)
    {
        state.State.Stage = Existing() with { Tags = tags };
        await state.WriteStateOrReloadAsync(this);
        return state.State.Stage;
    }

    public async Task DeleteRouteSettings(string routeKey)
    {
        var stage = Existing();
        if (stage.RouteSettings is not { } settings || !settings.ContainsKey(routeKey))
        {
            throw ApiGatewayException.NotFound($"Unable to find route settings for route key {routeKey} in stage {StageName}");
        }

        var remaining = new Dictionary<string, RouteSettings>(settings);
        remaining.Remove(routeKey);
        await Save(stage with { RouteSettings = remaining });
    }

    public async Task DeleteAccessLogSettings() => await Save(Existing() with { AccessLogSettings = null });

    public async Task Delete()
    {
        state.State.Stage = null;
        state.State.Version++;
        _snapshot = null;
        await state.WriteStateOrReloadAsync(this);
        await Publish();
    }

    private StageDefinition Existing() => state.State.Stage ?? throw ApiErrors.StageNotFound(ApiId, StageName);

    private async Task<StageDefinition> Save(StageDefinition stage)
    {
        state.State.Stage = stage with { LastUpdatedDate = Timestamps.Now() };
        state.State.Version++;
        await state.WriteStateOrReloadAsync(this);
        await Publish();
        return state.State.Stage;
    }

    private Task Publish() => grains.GetGrain<IEdgeDirectoryGrain>(0).PublishStageChanged(ApiId, StageName);
}
