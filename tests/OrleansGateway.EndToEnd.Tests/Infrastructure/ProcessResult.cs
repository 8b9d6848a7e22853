using System.Text.Json;

namespace OrleansGateway.EndToEnd.Tests.Infrastructure;

/// <summary>How a command-line tool (the AWS CLI, a sample) ended: exit code and what it wrote.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The parsed JSON output; fails the test with stderr when the command failed.</summary>
    public JsonElement Json()
    {
        Assert.True(ExitCode == 0, $"exited {ExitCode}: {Stderr}");
        return JsonDocument.Parse(Stdout).RootElement.Clone();
    }
}
