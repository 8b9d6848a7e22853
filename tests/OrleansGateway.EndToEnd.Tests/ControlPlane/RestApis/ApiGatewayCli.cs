using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane.RestApis;

/// <summary><c>aws apigateway ...</c> (REST APIs, v1) against one edge's admin endpoint.</summary>
public sealed class ApiGatewayCli(string adminUrl)
{
    public Task<ProcessResult> RunAsync(params string[] arguments) => AwsCli.RunAsync(adminUrl, ["apigateway", .. arguments]);

    /// <summary>Runs a command that must succeed and returns its JSON output.</summary>
    public async Task<JsonElement> JsonAsync(params string[] arguments) => (await RunAsync(arguments)).Json();

    /// <summary>Runs a command that must succeed and prints nothing (deletes, tags).</summary>
    public async Task OkAsync(params string[] arguments)
    {
        var result = await RunAsync(arguments);
        Assert.True(result.ExitCode == 0, $"aws exited {result.ExitCode}: {result.Stderr}");
        Assert.Equal(string.Empty, result.Stdout.Trim());
    }

    /// <summary>Runs a command that must fail and returns what the CLI printed of AWS's error.</summary>
    public async Task<string> ErrorAsync(params string[] arguments)
    {
        var result = await RunAsync(arguments);
        Assert.True(result.ExitCode != 0, $"aws succeeded: {result.Stdout}");
        return result.Stderr.Trim();
    }
}
