using System.Diagnostics;

namespace OrleansGateway.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Runs the real AWS CLI (<c>aws</c> on PATH) against a gateway endpoint, with throwaway
/// credentials and region, and returns its exit code, stdout and stderr. Commands run in a pooled
/// <see cref="AwsCliRunner"/> (the CLI's own entry point, without a process start-up each) when the
/// CLI is the Python one, else as an <c>aws</c> process; <see cref="RunAsProcessAsync"/> always starts one.
/// </summary>
public static class AwsCli
{
    public const string AccessKeyId = "AKIDEXAMPLE";
    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static Task<ProcessResult> RunAsync(string endpointUrl, params string[] arguments) =>
        RunAsAsync(accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, endpointUrl, arguments);

    /// <summary>Runs the CLI signing with the given key pair instead of the default one.</summary>
    public static async Task<ProcessResult> RunAsAsync(string accessKeyId, string secretAccessKey, string endpointUrl, params string[] arguments)
    {
        string[] command = [.. arguments, "--endpoint-url", endpointUrl, "--output", "json"];
        var environment = Environment(accessKeyId, secretAccessKey);
        return await AwsCliRunner.TryRunAsync(command, environment, Timeout) ?? await RunProcessAsync(command, environment);
    }

    /// <summary>Runs <c>aws</c> as its own process, as a user types it.</summary>
    public static Task<ProcessResult> RunAsProcessAsync(string endpointUrl, params string[] arguments) =>
        RunProcessAsync([.. arguments, "--endpoint-url", endpointUrl, "--output", "json"], Environment(AccessKeyId, SecretAccessKey));

    private static Task<ProcessResult> RunProcessAsync(IEnumerable<string> command, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("aws");
        foreach (var argument in command)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return ProcessRun.RunAsync(start, Timeout);
    }

    private static Dictionary<string, string> Environment(string accessKeyId, string secretAccessKey) => new()
    {
        ["AWS_ACCESS_KEY_ID"] = accessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = secretAccessKey,
        ["AWS_DEFAULT_REGION"] = "us-east-1",
        ["AWS_PAGER"] = string.Empty,
        ["AWS_CONFIG_FILE"] = "/dev/null",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
    };
}
