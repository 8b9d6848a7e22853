using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.DataPlane;

/// <summary>Sets up HTTP APIs on a running edge with the real AWS CLI, as a user would.</summary>
internal sealed class HttpApiCli(EdgeHost edge)
{
    public async Task<string> QuickCreateAsync(string target, params string[] extra)
    {
        var api = await RunAsync(["create-api", "--name", "dp-test", "--protocol-type", "HTTP", "--target", target, .. extra]);
        return api.GetProperty("ApiId").GetString()!;
    }

    public async Task<string> CreateApiAsync(params string[] extra)
    {
        var api = await RunAsync(["create-api", "--name", "dp-test", "--protocol-type", "HTTP", .. extra]);
        return api.GetProperty("ApiId").GetString()!;
    }

    public async Task<string> CreateIntegrationAsync(string apiId, string uri, params string[] extra)
    {
        var integration = await RunAsync(
            ["create-integration", "--api-id", apiId, "--integration-type", "HTTP_PROXY", "--integration-method", "ANY",
             "--payload-format-version", "1.0", "--integration-uri", uri, .. extra]);
        return integration.GetProperty("IntegrationId").GetString()!;
    }

    public Task UpdateIntegrationAsync(string apiId, string integrationId, params string[] extra) =>
        RunAsync(["update-integration", "--api-id", apiId, "--integration-id", integrationId, .. extra]);

    public Task CreateRouteAsync(string apiId, string routeKey, string integrationId) =>
        RunAsync(["create-route", "--api-id", apiId, "--route-key", routeKey, "--target", "integrations/" + integrationId]);

    public Task CreateStageAsync(string apiId, string stageName, params string[] extra) =>
        RunAsync(["create-stage", "--api-id", apiId, "--stage-name", stageName, .. extra]);

    public async Task<string> DeployAsync(string apiId, string? stageName = null)
    {
        string[] stage = stageName is null ? [] : ["--stage-name", stageName];
        var deployment = await RunAsync(["create-deployment", "--api-id", apiId, .. stage]);
        return deployment.GetProperty("DeploymentId").GetString()!;
    }

    public Task UpdateStageAsync(string apiId, string stageName, params string[] extra) =>
        RunAsync(["update-stage", "--api-id", apiId, "--stage-name", stageName, .. extra]);

    private async Task<JsonElement> RunAsync(string[] arguments) =>
        (await AwsCli.RunAsync(edge.AdminUrl, ["apigatewayv2", .. arguments])).Json();
}
