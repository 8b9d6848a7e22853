using System.Diagnostics;
using System.Text.Json;

namespace OrleansGateway.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Runs the real AWS CLI (<c>aws</c> on PATH) against a gateway endpoint, with throwaway
/// credentials and region, and returns its exit code, stdout and stderr.
/// </summary>
public static class AwsCli
{
    public const string AccessKeyId = "AKIDEXAMPLE";
    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    public static Task<AwsCliResult> RunAsync(string endpointUrl, params string[] arguments) =>
        RunAsAsync(accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, endpointUrl, arguments);

    /// <summary>Runs the CLI signing with the given key pair instead of the default one.</summary>
    public static async Task<AwsCliResult> RunAsAsync(string accessKeyId, string secretAccessKey, string endpointUrl, params string[] arguments)
    {
        var start = new ProcessStartInfo("aws")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--endpoint-url");
        start.ArgumentList.Add(endpointUrl);
        start.ArgumentList.Add("--output");
        start.ArgumentList.Add("json");
        start.Environment["AWS_ACCESS_KEY_ID"] = accessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = secretAccessKey;
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_PAGER"] = string.Empty;
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        return new AwsCliResult(process.ExitCode, await stdout, await stderr);
    }
}

public sealed record AwsCliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The parsed JSON output; fails the test with stderr when the command failed.</summary>
    public JsonElement Json()
    {
        Assert.True(ExitCode == 0, $"aws exited {ExitCode}: {Stderr}");
        return JsonDocument.Parse(Stdout).RootElement.Clone();
    }
}
