using OrleansGateway.RestApis;

namespace OrleansGateway.Core.Tests.RestApis;

public sealed class RestStageTableTests
{
    [Fact]
    public void Create_SubstitutesStageVariablesInUris_CanaryWithItsOverrides()
    {
        var runtime = Runtime(canaryPercent: 25);

        var tables = RestStageTables.Create(runtime, TimeSpan.FromSeconds(29));

        Assert.Equal("http://main.example/items", tables.Main!.Resources.Match("GET", "/items")!.Method.Integration!.Uri!.Text);
        Assert.Equal("http://canary.example/items", tables.Canary!.Resources.Match("GET", "/items")!.Method.Integration!.Uri!.Text);
        Assert.Equal("v1", tables.Canary.StageVariables["version"]);
        Assert.Same(tables.Canary, tables.Select(10));
        Assert.Same(tables.Main, tables.Select(25));
    }

    [Fact]
    public void Create_DefaultTimeoutWhenTheIntegrationSetsNone()
    {
        var tables = RestStageTables.Create(Runtime(canaryPercent: 0), TimeSpan.FromSeconds(29));

        Assert.Equal(TimeSpan.FromSeconds(29), tables.Main!.Resources.Match("GET", "/items")!.Method.Integration!.Timeout);
        Assert.Null(tables.Canary);
    }

    [Fact]
    public void Create_TemplateThatDoesNotCompile_IsAFaultLoggedOnce_NotAnException()
    {
        var runtime = Runtime(canaryPercent: 0, requestTemplate: "#if(");

        var tables = RestStageTables.Create(runtime, TimeSpan.FromSeconds(29));

        Assert.Contains(tables.Faults, f => f.StartsWith("GET /items: integration left out", StringComparison.Ordinal));
        Assert.Null(tables.Main!.Resources.Match("GET", "/items")!.Method.Integration);
    }

    [Fact]
    public void Create_StageWithoutDeployment_ServesNothing()
    {
        var runtime = Runtime(canaryPercent: 0) with { Deployment = null };

        Assert.Null(RestStageTables.Create(runtime, TimeSpan.FromSeconds(29)).Main);
    }

    internal static RestStageRuntime Runtime(double canaryPercent, string requestTemplate = "{\"v\":\"$stageVariables.version\"}") => new()
    {
        RestApiId = "abc123",
        Version = 3,
        Stage = new RestStage
        {
            StageName = "prod",
            DeploymentId = "d1",
            Variables = new() { ["host"] = "main.example", ["version"] = "v0" },
            CanarySettings = canaryPercent > 0
                ? new RestCanarySettings { PercentTraffic = canaryPercent, DeploymentId = "d2", StageVariableOverrides = new() { ["host"] = "canary.example", ["version"] = "v1" } }
                : null,
        },
        Deployment = Snapshot("d1", requestTemplate),
        CanaryDeployment = canaryPercent > 0 ? Snapshot("d2", requestTemplate) : null,
    };

    private static RestDeploymentSnapshot Snapshot(string deploymentId, string requestTemplate) => new()
    {
        Deployment = new RestDeployment { Id = deploymentId },
        Api = new RestApiDefinition { Id = "abc123", Name = "t", RootResourceId = "root" },
        Resources =
        [
            new RestResource { Id = "root", Path = "/" },
            new RestResource
            {
                Id = "r1",
                ParentId = "root",
                PathPart = "items",
                Path = "/items",
                ResourceMethods = new()
                {
                    ["GET"] = new RestMethod
                    {
                        HttpMethod = "GET",
                        AuthorizationType = "NONE",
                        MethodIntegration = new RestIntegration
                        {
                            Type = "HTTP",
                            HttpMethod = "GET",
                            Uri = "http://${stageVariables.host}/items",
                            RequestTemplates = new() { ["application/json"] = requestTemplate },
                            IntegrationResponses = new() { ["200"] = new RestIntegrationResponse { StatusCode = "200" } },
                        },
                    },
                },
            },
        ],
        Models = [],
        RequestValidators = [],
        GatewayResponses = [],
        Authorizers = [],
    };
}
