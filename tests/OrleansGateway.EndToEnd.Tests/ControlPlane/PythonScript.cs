using System.Diagnostics;
using System.Text.Json;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane;

/// <summary>Runs <c>python3</c> (with boto3 and botocore beside it) on a script given on stdin and parses the JSON it prints.</summary>
public static class PythonScript
{
    public static async Task<JsonElement> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("python3", ["-", .. arguments])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        using var python = Process.Start(start)!;
        await python.StandardInput.WriteAsync(script);
        python.StandardInput.Close();
        var stdout = python.StandardOutput.ReadToEndAsync();
        var stderr = python.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await python.WaitForExitAsync(timeout.Token);
        }

        Assert.True(python.ExitCode == 0, $"python exited {python.ExitCode}: {await stderr}");
        return JsonDocument.Parse(await stdout).RootElement.Clone();
    }
}
