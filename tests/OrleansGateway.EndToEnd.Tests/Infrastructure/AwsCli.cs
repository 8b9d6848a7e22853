using System.Diagnostics;

namespace OrleansGateway.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Runs the real AWS CLI (<c>aws</c> on PATH) against a gateway endpoint, with throwaway
/// credentials and region, and returns its exit code, stdout and stderr.
/// </summary>
public static class AwsCli
{
    public const string AccessKeyId = "AKIDEXAMPLE";
    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    public static Task<ProcessResult> RunAsync(string endpointUrl, params string[] arguments) =>
        RunAsAsync(accessKeyId: AccessKeyId, secretAccessKey: SecretAccessKey, endpointUrl, arguments);

    /// <summary>Runs the CLI signing with the given key pair instead of the default one.</summary>
    public static Task<ProcessResult> RunAsAsync(string accessKeyId, string secretAccessKey, string endpointUrl, params string[] arguments)
    {
        var start = new ProcessStartInfo("aws");
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

        return ProcessRun.RunAsync(start, TimeSpan.FromSeconds(60));
    }
}
