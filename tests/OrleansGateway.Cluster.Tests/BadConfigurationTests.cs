using System.Diagnostics;
using OrleansGateway.Cluster.Tests.Infrastructure;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.Cluster.Tests;

/// <summary>
/// A host that cannot work stops at once with one line on stderr naming the problem, a non-zero
/// exit and no stack trace, for the edge in cluster mode and for the silo alike.
/// </summary>
public sealed class BadConfigurationTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    public enum Host
    {
        Edge,
        Silo,
    }

    [Theory]
    [InlineData(Host.Edge)]
    [InlineData(Host.Silo)]
    public async Task MissingConnectionString_StopsWithOneLine(Host host)
    {
        var (exitCode, stderr, _) = await RunAsync(host, connectionString: null);
        AssertOneLineFailure(exitCode, stderr, "Gateway__Storage__ConnectionString");
    }

    [Theory]
    [InlineData(Host.Edge)]
    [InlineData(Host.Silo)]
    public async Task MalformedConnectionString_StopsWithOneLine(Host host)
    {
        var (exitCode, stderr, _) = await RunAsync(host, connectionString: "this is not a connection string");
        AssertOneLineFailure(exitCode, stderr, "not a valid Azure Storage connection string");
    }

    [Theory]
    [InlineData(Host.Edge)]
    [InlineData(Host.Silo)]
    public async Task UnreachableStorage_StopsWithinFifteenSeconds(Host host)
    {
        var (exitCode, stderr, elapsed) = await RunAsync(host, AzuriteHost.UnreachableConnectionString());
        AssertOneLineFailure(exitCode, stderr, "unreachable");
        Assert.True(elapsed < TimeSpan.FromSeconds(15), $"took {elapsed}");
    }

    [Theory]
    [InlineData(Host.Edge)]
    [InlineData(Host.Silo)]
    public async Task WrongAccountKey_StopsWithOneLine(Host host)
    {
        var (exitCode, stderr, _) = await RunAsync(host, storage.Storage.ConnectionStringWithWrongKey());
        AssertOneLineFailure(exitCode, stderr, "refused the request (HTTP 403");
    }

    [Fact]
    public async Task ClusterEdge_AdminBeyondLoopbackWithoutKeys_StopsWithOneLine()
    {
        var (exitCode, stderr, _) = await RunAsync(Host.Edge, storage.Storage.ConnectionString, adminUrl: $"http://0.0.0.0:{FreePort.Next()}");
        AssertOneLineFailure(exitCode, stderr, "not on loopback");
    }

    [Theory]
    [InlineData(Host.Edge)]
    [InlineData(Host.Silo)]
    public async Task MissingTlsCertificate_StopsWithOneLine(Host host)
    {
        var missing = Path.Combine(Path.GetTempPath(), $"og-missing-{Guid.NewGuid():N}.pfx");
        var (exitCode, stderr, _) = await RunAsync(host, storage.Storage.ConnectionString,
            environment: new() { ["Gateway__Cluster__Tls__CertificatePath"] = missing });
        AssertOneLineFailure(exitCode, stderr, $"Gateway__Cluster__Tls__CertificatePath: no file at {missing}");
    }

    [Theory]
    [InlineData(Host.Edge)]
    [InlineData(Host.Silo)]
    public async Task WrongTlsCertificatePassword_StopsWithOneLine(Host host)
    {
        using var certificate = TestCertificate.Create("og-bad-password");
        var (exitCode, stderr, _) = await RunAsync(host, storage.Storage.ConnectionString, environment: new()
        {
            ["Gateway__Cluster__Tls__CertificatePath"] = certificate.Path,
            ["Gateway__Cluster__Tls__CertificatePassword"] = "not the password",
        });
        AssertOneLineFailure(exitCode, stderr, $"Gateway__Cluster__Tls__CertificatePath: cannot read {certificate.Path}");
    }

    [Theory]
    [InlineData(Host.Edge)]
    [InlineData(Host.Silo)]
    public async Task AccountThrottleNotPositive_StopsWithOneLine(Host host)
    {
        var (exitCode, stderr, _) = await RunAsync(host, storage.Storage.ConnectionString,
            environment: new() { ["Gateway__Throttling__AccountBurstLimit"] = "0" });
        AssertOneLineFailure(exitCode, stderr, "Gateway:Throttling:AccountBurstLimit must be a positive number of requests (got 0)");
    }

    private static void AssertOneLineFailure(int exitCode, string stderr, string expected)
    {
        Assert.NotEqual(0, exitCode);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.Contains(expected, line);
        Assert.StartsWith("orleans-gateway", line);
    }

    private static async Task<(int ExitCode, string Stderr, TimeSpan Elapsed)> RunAsync(Host host, string? connectionString, string? adminUrl = null,
        Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        if (host == Host.Edge)
        {
            start.ArgumentList.Add(RepositoryLayout.EdgeAssembly);
            start.Environment["Gateway__Mode"] = "Cluster";
            start.Environment["Kestrel__Endpoints__Data__Url"] = $"http://127.0.0.1:{FreePort.Next()}";
            start.Environment["Kestrel__Endpoints__Admin__Url"] = adminUrl ?? $"http://127.0.0.1:{FreePort.Next()}";
        }
        else
        {
            start.ArgumentList.Add(RepositoryLayout.SiloAssembly);
            foreach (var (key, value) in SiloHost.Environment(connectionString ?? string.Empty, "og-bad-config", $"http://127.0.0.1:{FreePort.Next()}", FreePort.Next(), FreePort.Next()))
            {
                start.Environment[key] = value;
            }
        }

        start.Environment["Gateway__Storage__ConnectionString"] = connectionString;
        foreach (var (key, value) in environment ?? [])
        {
            start.Environment[key] = value;
        }

        start.WorkingDirectory = Path.GetDirectoryName(start.ArgumentList[0]);
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{host} still running after 60 s:\n{await stdout}\n{await stderr}");
        }

        var elapsed = stopwatch.Elapsed;
        Assert.DoesNotContain("   at ", await stdout);
        return (process.ExitCode, await stderr, elapsed);
    }
}
