using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane;

/// <summary>
/// The end-to-end tests run most AWS CLI commands in a pooled in-process runner (<see cref="AwsCliRunner"/>);
/// this proves the <c>aws</c> process itself works against the gateway and prints, byte for byte, what the
/// runner prints for the same commands, answers and errors alike.
/// </summary>
public sealed class AwsCliProcessTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>
{
    [Fact]
    public async Task AwsProcess_BuildsRestAndHttpApis_AndPrintsWhatTheRunnerPrints()
    {
        var url = fixture.Edge.AdminUrl;
        var rest = (await AwsCli.RunAsProcessAsync(url, "apigateway", "create-rest-api", "--name", "process-smoke")).Json();
        var restId = rest.GetProperty("id").GetString()!;
        var root = rest.GetProperty("rootResourceId").GetString()!;
        var resource = (await AwsCli.RunAsProcessAsync(url, "apigateway", "create-resource", "--rest-api-id", restId, "--parent-id", root, "--path-part", "pets")).Json();
        Assert.Equal("/pets", resource.GetProperty("path").GetString());
        var http = (await AwsCli.RunAsProcessAsync(url, "apigatewayv2", "create-api", "--name", "process-smoke", "--protocol-type", "HTTP")).Json();
        var httpId = http.GetProperty("ApiId").GetString()!;

        string[][] commands =
        [
            ["apigateway", "get-rest-api", "--rest-api-id", restId],
            ["apigateway", "get-resources", "--rest-api-id", restId],
            ["apigateway", "get-resource", "--rest-api-id", restId, "--resource-id", "nope00"],
            ["apigateway", "update-rest-api", "--rest-api-id", restId, "--patch-operations", "op=jump,path=/name"],
            ["apigatewayv2", "get-api", "--api-id", httpId],
            ["apigatewayv2", "get-api", "--api-id", "nope000000"],
            ["apigateway", "get-rest-api"],
        ];
        foreach (var command in commands)
        {
            var process = await AwsCli.RunAsProcessAsync(url, command);
            var runner = await AwsCli.RunAsync(url, command);
            Assert.Equal((process.ExitCode, process.Stdout, process.Stderr), (runner.ExitCode, runner.Stdout, runner.Stderr));
        }

        Assert.Equal(0, (await AwsCli.RunAsync(url, "apigateway", "delete-rest-api", "--rest-api-id", restId)).ExitCode);
    }
}
