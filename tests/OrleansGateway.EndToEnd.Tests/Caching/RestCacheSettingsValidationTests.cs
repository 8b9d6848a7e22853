using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.ControlPlane;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.Caching;

/// <summary>
/// The control plane refuses cache settings the data plane cannot serve (a cache cluster size outside
/// AWS's enum, a TTL over an hour, an unknown Cache-Control strategy) at create and update time, and
/// keeps the stage as it was; through boto3.
/// </summary>
public sealed class RestCacheSettingsValidationTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>
{
    private const string Script = PythonScript.ApiGatewayRefusals + """
        api = c.create_rest_api(name="cache-settings")
        a, root = api["id"], api["rootResourceId"]
        c.put_method(restApiId=a, resourceId=root, httpMethod="GET", authorizationType="NONE")
        c.put_integration(restApiId=a, resourceId=root, httpMethod="GET", type="MOCK")
        d = c.create_deployment(restApiId=a, stageName="dev", cacheClusterEnabled=True, cacheClusterSize="1.6")["id"]
        error("deploymentSize", c.create_deployment, restApiId=a, stageName="dev", cacheClusterEnabled=True, cacheClusterSize="2")
        error("stageSize", c.create_stage, restApiId=a, stageName="other", deploymentId=d, cacheClusterEnabled=True, cacheClusterSize="0.25")
        error("patchSize", c.update_stage, restApiId=a, stageName="dev", patchOperations=[{"op": "replace", "path": "/cacheClusterSize", "value": "512"}])
        error("ttl", c.update_stage, restApiId=a, stageName="dev", patchOperations=[{"op": "replace", "path": "/*/*/caching/ttlInSeconds", "value": "3601"}])
        error("strategy", c.update_stage, restApiId=a, stageName="dev",
              patchOperations=[{"op": "replace", "path": "/~1/GET/caching/unauthorizedCacheControlHeaderStrategy", "value": "IGNORE"}])
        error("validSize", c.update_stage, restApiId=a, stageName="dev", patchOperations=[{"op": "replace", "path": "/cacheClusterSize", "value": "237"},
              {"op": "replace", "path": "/*/*/caching/ttlInSeconds", "value": "3600"}])
        stage = c.get_stage(restApiId=a, stageName="dev")
        stages = [s["stageName"] for s in c.get_stages(restApiId=a)["item"]]
        c.delete_rest_api(restApiId=a)
        print(json.dumps({"errors": seen, "size": stage["cacheClusterSize"], "ttl": stage["methodSettings"]["*/*"]["cacheTtlInSeconds"], "stages": stages}))
        """;

    private const string Sizes = "[0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118, 237]";

    [Fact]
    public async Task Boto3_IsRefusedCacheSettingsTheDataPlaneCannotServe_AndTheStageKeepsItsOwn()
    {
        var seen = await PythonScript.RunAsync(Script, fixture.Edge.AdminUrl);
        var errors = seen.GetProperty("errors");

        void Expect(string label, int status, string type, string message) => PythonScript.AssertRefused(errors, label, status, type, message);

        Expect("deploymentSize", 400, "ValidationException", $"1 validation error detected: Value '2' at 'createDeploymentInput.cacheClusterSize' failed to satisfy constraint: Member must satisfy enum value set: {Sizes}");
        Expect("stageSize", 400, "ValidationException", $"1 validation error detected: Value '0.25' at 'createStageInput.cacheClusterSize' failed to satisfy constraint: Member must satisfy enum value set: {Sizes}");
        Expect("patchSize", 400, "ValidationException", $"1 validation error detected: Value '512' at 'cacheClusterSize' failed to satisfy constraint: Member must satisfy enum value set: {Sizes}");
        Expect("ttl", 400, "BadRequestException", "Invalid cache TTL value 3601 for */*: must be between 0 and 3600 seconds");
        Expect("strategy", 400, "BadRequestException",
            "Invalid unauthorizedCacheControlHeaderStrategy IGNORE for ~1/GET: must be one of [FAIL_WITH_403, SUCCEED_WITH_RESPONSE_HEADER, SUCCEED_WITHOUT_RESPONSE_HEADER]");
        Assert.Equal(JsonValueKind.Null, errors.GetProperty("validSize").ValueKind);
        Assert.Equal("237", seen.GetProperty("size").GetString());
        Assert.Equal(3600, seen.GetProperty("ttl").GetInt32());
        Assert.Equal(["dev"], seen.GetProperty("stages").EnumerateArray().Select(s => s.GetString()));
    }
}
