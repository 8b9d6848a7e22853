using OrleansGateway.Errors;
using OrleansGateway.Storage;

namespace OrleansGateway.HttpApis;

public sealed partial class ApiGrain
{
    public async Task<DeploymentDefinition> CreateDeployment(DeploymentInput input)
    {
        _ = Api;
        if (input.StageName is not null)
        {
            _ = FindStage(input.StageName);
        }

        var deployment = await CreateDeploymentCore(input.Description, autoDeployed: false);
        await state.WriteStateOrReloadAsync(this);
        if (input.StageName is not null)
        {
            var stage = await Stage(input.StageName).Deploy(deployment.DeploymentId);
            state.State.Stages[input.StageName] = new StageLink { DeploymentId = stage.DeploymentId, AutoDeploy = stage.AutoDeploy };
            await state.WriteStateOrReloadAsync(this);
        }

        return deployment;
    }

    public Task<DeploymentDefinition> GetDeployment(string deploymentId) => Task.FromResult(FindDeployment(deploymentId));

    public Task<List<DeploymentDefinition>> GetDeployments()
    {
        _ = Api;
        return Task.FromResult(state.State.Deployments.Values
            .OrderByDescending(d => d.CreatedDate)
            .ThenBy(d => d.DeploymentId, StringComparer.Ordinal)
            .ToList());
    }

    public async Task<DeploymentDefinition> UpdateDeployment(string deploymentId, DeploymentInput input)
    {
        var deployment = FindDeployment(deploymentId);
        deployment = deployment with { Description = input.Description ?? deployment.Description };
        state.State.Deployments[deploymentId] = deployment;
        await state.WriteStateOrReloadAsync(this);
        return deployment;
    }

    public async Task DeleteDeployment(string deploymentId)
    {
        _ = FindDeployment(deploymentId);
        if (state.State.Stages.FirstOrDefault(s => s.Value.DeploymentId == deploymentId) is { Key: { } stageName })
        {
            throw ApiGatewayException.BadRequest($"Active stages pointing to this deployment must be moved or deleted (stage {stageName})");
        }

        await Deployment(deploymentId).Delete();
        state.State.Deployments.Remove(deploymentId);
        await state.WriteStateOrReloadAsync(this);
    }

    private DeploymentDefinition FindDeployment(string deploymentId) =>
        Api is not null && state.State.Deployments.TryGetValue(deploymentId, out var deployment)
            ? deployment
            : throw ApiErrors.DeploymentNotFound(ApiId, deploymentId);

    // Freezes the API as it is now; the caller writes this grain's state.
    private async Task<DeploymentDefinition> CreateDeploymentCore(string? description, bool autoDeployed)
    {
        if (state.State.Routes.Count == 0)
        {
            throw ApiErrors.NoRoutes();
        }

        var deployment = new DeploymentDefinition
        {
            DeploymentId = ResourceIds.Unique(ResourceIds.Deployment, state.State.Deployments.ContainsKey),
            Description = description,
            CreatedDate = Timestamps.Now(),
            AutoDeployed = autoDeployed,
        };
        await Deployment(deployment.DeploymentId).Create(new DeploymentSnapshot
        {
            Deployment = deployment,
            Api = Api,
            Routes = [.. state.State.Routes.Values.OrderBy(r => r.RouteId, StringComparer.Ordinal)],
            Integrations = [.. state.State.Integrations.Values.OrderBy(i => i.IntegrationId, StringComparer.Ordinal)],
            Authorizers = [.. state.State.Authorizers.Values.OrderBy(a => a.AuthorizerId, StringComparer.Ordinal)],
            RouteResponses = state.State.RouteResponses.Where(r => r.Value.Count > 0).ToDictionary(
                r => r.Key, r => r.Value.Values.OrderBy(v => v.RouteResponseId, StringComparer.Ordinal).ToList(), StringComparer.Ordinal),
            IntegrationResponses = state.State.IntegrationResponses.Where(r => r.Value.Count > 0).ToDictionary(
                r => r.Key, r => r.Value.Values.OrderBy(v => v.IntegrationResponseId, StringComparer.Ordinal).ToList(), StringComparer.Ordinal),
        });
        state.State.Deployments[deployment.DeploymentId] = deployment;
        return deployment;
    }
}
