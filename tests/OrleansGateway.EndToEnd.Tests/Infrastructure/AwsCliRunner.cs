using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace OrleansGateway.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A python3 process running AWS CLI commands through the CLI's own entry point (aws-cli-runner.py), one
/// at a time: the same parsing, signing and output as <c>aws</c>, without the second of start-up each
/// command costs as a process. Runners are pooled, one per command in flight. When this python3 cannot
/// import the CLI (the <c>aws</c> on PATH is v2), <see cref="TryRunAsync"/> answers null and callers run
/// <c>aws</c> as a process.
/// </summary>
public sealed class AwsCliRunner : IDisposable
{
    private static readonly ConcurrentBag<AwsCliRunner> Idle = [];
    private static bool _unavailable;

    private readonly Process _process;

    private AwsCliRunner(Process process) => _process = process;

    /// <summary>Runs one command with these environment variables; null when the CLI cannot run in-process.</summary>
    public static async Task<ProcessResult?> TryRunAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        if (_unavailable || (Idle.TryTake(out var runner) ? runner : await StartAsync()) is not { } taken)
        {
            return null;
        }

        var request = JsonSerializer.Serialize(new { args = arguments, env = environment });
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await taken._process.StandardInput.WriteLineAsync(request.AsMemory(), cts.Token);
            await taken._process.StandardInput.FlushAsync(cts.Token);
            var line = await taken._process.StandardOutput.ReadLineAsync(cts.Token)
                ?? throw new InvalidOperationException("aws-cli-runner exited (its error is in the test output)");
            using var answer = JsonDocument.Parse(line);
            var result = new ProcessResult(
                answer.RootElement.GetProperty("exitCode").GetInt32(),
                answer.RootElement.GetProperty("stdout").GetString()!,
                answer.RootElement.GetProperty("stderr").GetString()!);
            Idle.Add(taken);
            return result;
        }
        catch (OperationCanceledException)
        {
            taken.Dispose();
            throw new TimeoutException($"aws {string.Join(' ', arguments.Take(2))} did not finish within {timeout.TotalSeconds} s");
        }
        catch
        {
            taken.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    private static async Task<AwsCliRunner?> StartAsync()
    {
        var script = Path.Combine(RepositoryLayout.Root, "tests", "OrleansGateway.EndToEnd.Tests", "Infrastructure", "aws-cli-runner.py");
        var start = new ProcessStartInfo("python3", [script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var hello = await process.StandardOutput.ReadLineAsync(cts.Token);
        if (hello is not null && JsonDocument.Parse(hello).RootElement.TryGetProperty("ready", out _))
        {
            return new AwsCliRunner(process);
        }

        _unavailable = true;
        process.Kill();
        process.Dispose();
        return null;
    }
}
