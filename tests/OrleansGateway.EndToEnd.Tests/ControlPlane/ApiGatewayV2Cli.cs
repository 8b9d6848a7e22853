using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane;

/// <summary><c>aws apigatewayv2 ...</c> against one edge's admin endpoint.</summary>
public sealed class ApiGatewayV2Cli(string adminUrl)
{
    public Task<ProcessResult> RunAsync(params string[] arguments) => AwsCli.RunAsync(adminUrl, ["apigatewayv2", .. arguments]);

    /// <summary>Runs a command that must succeed and returns its JSON output.</summary>
    public async Task<JsonElement> JsonAsync(params string[] arguments) => (await RunAsync(arguments)).Json();

    /// <summary>Runs a command that must succeed and prints nothing (deletes).</summary>
    public async Task OkAsync(params string[] arguments)
    {
        var result = await RunAsync(arguments);
        Assert.True(result.ExitCode == 0, $"aws exited {result.ExitCode}: {result.Stderr}");
    }

    /// <summary>Creates an HTTP API with an HTTP_PROXY integration, a route and a stage, and deploys it there.</summary>
    public async Task<CreatedApi> CreateFullApiAsync(string name, string backendUrl, string stageName = "prod")
    {
        var apiId = (await JsonAsync("create-api", "--name", name, "--protocol-type", "HTTP")).GetProperty("ApiId").GetString()!;
        var integrationId = (await JsonAsync("create-integration", "--api-id", apiId, "--integration-type", "HTTP_PROXY",
            "--integration-method", "ANY", "--integration-uri", backendUrl + "/{proxy}", "--payload-format-version", "1.0"))
            .GetProperty("IntegrationId").GetString()!;
        var routeId = (await JsonAsync("create-route", "--api-id", apiId, "--route-key", "ANY /items/{proxy+}", "--target", "integrations/" + integrationId))
            .GetProperty("RouteId").GetString()!;
        await JsonAsync("create-stage", "--api-id", apiId, "--stage-name", stageName, "--stage-variables", "color=blue");
        var deploymentId = (await JsonAsync("create-deployment", "--api-id", apiId, "--stage-name", stageName, "--description", "first"))
            .GetProperty("DeploymentId").GetString()!;
        return new CreatedApi(apiId, integrationId, routeId, stageName, deploymentId);
    }
}
