using OrleansGateway.HttpApis;

namespace OrleansGateway.Core.Tests;

/// <summary>Builds deployed stages the way the control plane stores them, for compiling in tests.</summary>
internal static class Stages
{
    public static StageRuntime Deployed(
        IEnumerable<(string RouteKey, string? IntegrationId)> routes,
        IEnumerable<IntegrationDefinition>? integrations = null,
        Dictionary<string, string>? stageVariables = null,
        CorsConfiguration? cors = null,
        string stageName = "$default")
    {
        var routeList = routes.Select((r, i) => new RouteDefinition
        {
            RouteId = "r" + i,
            RouteKey = r.RouteKey,
            Target = r.IntegrationId is null ? null : "integrations/" + r.IntegrationId,
        }).ToList();
        return new StageRuntime
        {
            ApiId = "api1",
            Version = 7,
            Stage = new StageDefinition { StageName = stageName, DeploymentId = "d1", StageVariables = stageVariables },
            Deployment = new DeploymentSnapshot
            {
                Deployment = new DeploymentDefinition { DeploymentId = "d1" },
                Api = new ApiDefinition { ApiId = "api1", Name = "test", ProtocolType = "HTTP", CorsConfiguration = cors },
                Routes = routeList,
                Integrations = integrations?.ToList() ?? [],
            },
        };
    }

    public static IntegrationDefinition HttpProxy(string id, string uri, string method = "ANY", int? timeoutInMillis = null,
        Dictionary<string, string>? requestParameters = null, Dictionary<string, Dictionary<string, string>>? responseParameters = null) => new()
        {
            IntegrationId = id,
            IntegrationType = "HTTP_PROXY",
            IntegrationUri = uri,
            IntegrationMethod = method,
            TimeoutInMillis = timeoutInMillis,
            RequestParameters = requestParameters,
            ResponseParameters = responseParameters,
        };
}
