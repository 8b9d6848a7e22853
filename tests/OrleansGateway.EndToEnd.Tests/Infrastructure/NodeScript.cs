using System.Diagnostics;

namespace OrleansGateway.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Runs one of this project's node scripts where it lies in the source tree, so that its imports
/// resolve from the repository's <c>node_modules</c> (<c>npm ci</c>), to its end, bounded in time.
/// </summary>
public static class NodeScript
{
    /// <summary>Fails the test, saying how to install it, when <paramref name="package"/> is not in the repository's node_modules.</summary>
    public static void RequirePackage(string package) =>
        Assert.True(
            Directory.Exists(Path.Combine(RepositoryLayout.Root, "node_modules", package)),
            $"{package} is not installed: run `npm ci` at the repository root (./test.sh does)");

    /// <param name="script">The script's path in this test project, e.g. <c>WebSockets/ws-client.mjs</c>.</param>
    /// <param name="timeout">How long it may run before it is killed and the test fails.</param>
    /// <param name="arguments">Its command-line arguments.</param>
    public static Task<ProcessResult> RunAsync(string script, TimeSpan timeout, params string[] arguments)
    {
        var path = Path.Combine(RepositoryLayout.Root, "tests", "OrleansGateway.EndToEnd.Tests", script);
        return ProcessRun.RunAsync(new ProcessStartInfo("node", [path, .. arguments]), timeout);
    }
}
