using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.RestApis;

/// <summary>Builds REST APIs on a running edge with the real AWS CLI (<c>aws apigateway</c>), as a user would.</summary>
internal sealed class RestApiCli(EdgeHost edge)
{
    public async Task<(string ApiId, string RootId)> CreateApiAsync(params string[] extra)
    {
        var api = await RunAsync(["create-rest-api", "--name", "rest-dp-test", .. extra]);
        return (api.GetProperty("id").GetString()!, api.GetProperty("rootResourceId").GetString()!);
    }

    /// <summary>Creates each part of <paramref name="path"/> (<c>/pets/{petId}</c>) under the root; returns the last one's ID.</summary>
    public async Task<string> CreateResourcesAsync(string apiId, string rootId, string path)
    {
        var parent = rootId;
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var resource = await RunAsync(["create-resource", "--rest-api-id", apiId, "--parent-id", parent, "--path-part", part]);
            parent = resource.GetProperty("id").GetString()!;
        }

        return parent;
    }

    public Task PutMethodAsync(string apiId, string resourceId, string method, params string[] extra) =>
        RunAsync(["put-method", "--rest-api-id", apiId, "--resource-id", resourceId, "--http-method", method, "--authorization-type", "NONE", .. extra]);

    public Task PutIntegrationAsync(string apiId, string resourceId, string method, string type, params string[] extra) =>
        RunAsync(["put-integration", "--rest-api-id", apiId, "--resource-id", resourceId, "--http-method", method, "--type", type, .. extra]);

    public Task PutIntegrationResponseAsync(string apiId, string resourceId, string method, string status, params string[] extra) =>
        RunAsync(["put-integration-response", "--rest-api-id", apiId, "--resource-id", resourceId, "--http-method", method, "--status-code", status, .. extra]);

    public Task PutMethodResponseAsync(string apiId, string resourceId, string method, string status, params string[] extra) =>
        RunAsync(["put-method-response", "--rest-api-id", apiId, "--resource-id", resourceId, "--http-method", method, "--status-code", status, .. extra]);

    /// <summary>A method with an integration and a 200 method response and (for non-proxy types) a default 200 integration response.</summary>
    public async Task MethodAsync(string apiId, string resourceId, string method, string type, string[] integration, string[]? response = null, string[]? methodExtra = null)
    {
        await PutMethodAsync(apiId, resourceId, method, methodExtra ?? []);
        await PutIntegrationAsync(apiId, resourceId, method, type, integration);
        await PutMethodResponseAsync(apiId, resourceId, method, "200");
        if (type is not ("HTTP_PROXY" or "AWS_PROXY"))
        {
            await PutIntegrationResponseAsync(apiId, resourceId, method, "200", response ?? []);
        }
    }

    public Task DeployAsync(string apiId, string stage, params string[] extra) =>
        RunAsync(["create-deployment", "--rest-api-id", apiId, "--stage-name", stage, .. extra]);

    public Task<JsonElement> RunAsync(string[] arguments) => RunRawAsync(arguments);

    private async Task<JsonElement> RunRawAsync(string[] arguments)
    {
        var result = await AwsCli.RunAsync(edge.AdminUrl, ["apigateway", .. arguments]);
        return string.IsNullOrWhiteSpace(result.Stdout) && result.ExitCode == 0 ? default : result.Json();
    }
}
