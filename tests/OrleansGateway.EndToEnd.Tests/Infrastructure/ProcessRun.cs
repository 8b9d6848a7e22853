using System.Diagnostics;

namespace OrleansGateway.EndToEnd.Tests.Infrastructure;

/// <summary>Runs a command-line tool to its end, bounded in time, keeping its exit code and output.</summary>
public static class ProcessRun
{
    /// <param name="start">The command; output redirection is set here.</param>
    /// <param name="timeout">How long it may run before it is killed and the test fails.</param>
    /// <param name="input">Text written to its standard input, which is then closed; none when null.</param>
    public static async Task<ProcessResult> RunAsync(ProcessStartInfo start, TimeSpan timeout, string? input = null)
    {
        start.RedirectStandardInput = input is not null;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} did not finish within {timeout.TotalSeconds} s");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }
}
