using OrleansGateway.Errors;
using OrleansGateway.Storage;

namespace OrleansGateway.HttpApis;

public sealed partial class ApiGrain
{
    public async Task<StageDefinition> CreateStage(StageInput input)
    {
        _ = Api;
        var stage = await CreateStageCore(input, apiGatewayManaged: false);
        await PublishApiChanged();
        return stage;
    }

    public async Task<StageDefinition> GetStage(string stageName)
    {
        _ = FindStage(stageName);
        return await Stage(stageName).Get() ?? throw ApiErrors.StageNotFound(ApiId, stageName);
    }

    public async Task<List<StageDefinition>> GetStages()
    {
        _ = Api;
        var stages = await Task.WhenAll(state.State.Stages.Keys.Select(name => Stage(name).Get()));
        return [.. stages.OfType<StageDefinition>().OrderBy(s => s.StageName, StringComparer.Ordinal)];
    }

    public async Task<StageDefinition> UpdateStage(string stageName, StageInput input)
    {
        var link = FindStage(stageName);
        if (input.DeploymentId is not null && !state.State.Deployments.ContainsKey(input.DeploymentId))
        {
            throw ApiErrors.DeploymentNotFound(ApiId, input.DeploymentId);
        }

        // AWS: a stage's deploymentId "can't be updated if autoDeploy is enabled".
        if (input.DeploymentId is not null && (input.AutoDeploy ?? link.AutoDeploy))
        {
            throw ApiGatewayException.BadRequest($"The deployment of stage {stageName} can't be updated while autoDeploy is enabled");
        }

        var stage = await Stage(stageName).Update(input with { StageName = null });
        state.State.Stages[stageName] = new StageLink { DeploymentId = stage.DeploymentId, AutoDeploy = stage.AutoDeploy };
        await state.WriteStateOrReloadAsync(this);

        // Turning autoDeploy on deploys what the API is now, as AWS does.
        if (stage.AutoDeploy && !link.AutoDeploy && input.DeploymentId is null && state.State.Routes.Count > 0)
        {
            await AutoDeploy(stageName);
            stage = await Stage(stageName).Get() ?? stage;
        }

        return stage;
    }

    public async Task DeleteStage(string stageName)
    {
        _ = FindStage(stageName);
        await Stage(stageName).Delete();
        state.State.Stages.Remove(stageName);
        await state.WriteStateOrReloadAsync(this);
        await PublishApiChanged();
    }

    public async Task DeleteRouteSettings(string stageName, string routeKey)
    {
        _ = FindStage(stageName);
        await Stage(stageName).DeleteRouteSettings(routeKey);
    }

    public async Task DeleteAccessLogSettings(string stageName)
    {
        _ = FindStage(stageName);
        await Stage(stageName).DeleteAccessLogSettings();
    }

    private StageLink FindStage(string stageName) =>
        Api is not null && state.State.Stages.TryGetValue(stageName, out var link) ? link : throw ApiErrors.StageNotFound(ApiId, stageName);

    private async Task<StageDefinition> CreateStageCore(StageInput input, bool apiGatewayManaged)
    {
        var stageName = input.StageName;
        if (string.IsNullOrEmpty(stageName))
        {
            throw ApiErrors.Required("stageName");
        }

        if (stageName != DefaultStageName && !stageName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw ApiGatewayException.BadRequest($"Invalid stage name: {stageName}. Stage names contain only letters, digits, hyphens and underscores, or are $default.");
        }

        if (state.State.Stages.ContainsKey(stageName))
        {
            throw ApiGatewayException.Conflict($"Stage {stageName} already exists");
        }

        if (input.DeploymentId is not null && !state.State.Deployments.ContainsKey(input.DeploymentId))
        {
            throw ApiErrors.DeploymentNotFound(ApiId, input.DeploymentId);
        }

        var stage = await Stage(stageName).Create(input, apiGatewayManaged);
        state.State.Stages[stageName] = new StageLink { DeploymentId = stage.DeploymentId, AutoDeploy = stage.AutoDeploy };
        await state.WriteStateOrReloadAsync(this);
        if (stage.AutoDeploy && stage.DeploymentId is null && state.State.Routes.Count > 0)
        {
            await AutoDeploy(stageName);
            stage = await Stage(stageName).Get() ?? stage;
        }

        return stage;
    }

    /// <summary>
    /// Gives each autoDeploy stage (or just <paramref name="onlyStage"/>) a deployment of the API
    /// as it is now. Without routes there is nothing to deploy and the stages keep what they serve.
    /// </summary>
    private async Task AutoDeploy(string? onlyStage = null)
    {
        var stageNames = state.State.Stages
            .Where(s => s.Value.AutoDeploy && (onlyStage is null || s.Key == onlyStage))
            .Select(s => s.Key)
            .ToList();
        if (stageNames.Count == 0 || state.State.Routes.Count == 0)
        {
            return;
        }

        foreach (var stageName in stageNames)
        {
            var deployment = await CreateDeploymentCore("Automatic deployment triggered by changes to the Api configuration", autoDeployed: true);
            var stage = await Stage(stageName).Deploy(deployment.DeploymentId);
            state.State.Stages[stageName] = new StageLink { DeploymentId = stage.DeploymentId, AutoDeploy = stage.AutoDeploy };
        }

        await state.WriteStateOrReloadAsync(this);
    }
}
