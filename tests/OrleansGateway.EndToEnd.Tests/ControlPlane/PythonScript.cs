using System.Diagnostics;
using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane;

/// <summary>Runs <c>python3</c> (with boto3 and botocore beside it) on a script given on stdin and parses the JSON it prints.</summary>
public static class PythonScript
{
    public static async Task<JsonElement> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("python3", ["-", .. arguments]);
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        var result = await ProcessRun.RunAsync(start, TimeSpan.FromSeconds(60), script);
        return result.Json();
    }
}
