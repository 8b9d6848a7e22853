using OrleansGateway.Cluster.Tests.Infrastructure;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.Cluster.Tests;

/// <summary>
/// Gateway__Cluster__Tls__*: silos and edges speak mutual TLS on Orleans' ports. A cluster with it
/// on serves as before; an edge without the cluster's certificate (no TLS, or another certificate)
/// cannot join it and stops with one line.
/// </summary>
public sealed class ClusterTlsTests(StorageFixture storage, ITestOutputHelper output) : IClassFixture<StorageFixture>
{
    [Fact]
    public async Task WithTls_SilosJoinAndTheEdgeServes_AndEdgesWithoutTheCertificateCannotJoin()
    {
        using var certificate = TestCertificate.Create("og-cluster");
        using var foreign = TestCertificate.Create("og-foreign");
        await using var backend = await EchoBackend.StartAsync();
        var clusterId = "og-tls-" + Guid.NewGuid().ToString("N")[..8];

        await using var siloA = await SiloHost.StartAsync(storage.Storage.ConnectionString, clusterId, certificate.Environment);
        await using var siloB = await SiloHost.StartAsync(storage.Storage.ConnectionString, clusterId, certificate.Environment);
        await WaitForActiveAsync(siloA, siloA.SiloPort, siloB.SiloPort);
        await WaitForActiveAsync(siloB, siloA.SiloPort, siloB.SiloPort);

        await using var edge = await EdgeHost.StartAsync(environment: With(EdgeEnvironment(clusterId), certificate.Environment));
        var apiId = (await AwsCli.RunAsync(edge.AdminUrl, "apigatewayv2", "create-api", "--name", "tls", "--protocol-type", "HTTP", "--target", backend.Url))
            .Json().GetProperty("ApiId").GetString()!;
        var echoed = await DataPlaneProbe.EchoWithinAsync(edge.DataUrl, apiId, "/over-tls", TimeSpan.FromSeconds(10));
        Assert.Equal("/over-tls", echoed.GetProperty("path").GetString());

        await using var plain = StartEdge(EdgeEnvironment(clusterId));
        await using var stranger = StartEdge(With(EdgeEnvironment(clusterId), foreign.Environment));
        var exits = await Task.WhenAll(plain.WaitForExitAsync(TimeSpan.FromSeconds(90)), stranger.WaitForExitAsync(TimeSpan.FromSeconds(90)));

        Assert.All(exits, code => Assert.NotEqual(0, code));
        foreach (var refused in new[] { plain, stranger })
        {
            output.WriteLine(refused.Output);
            Assert.Contains("orleans-gateway: the cluster's silos closed every connection", refused.Output);
            Assert.DoesNotContain("   at ", refused.Output);
        }

        // The refused edges did not disturb the cluster.
        Assert.NotNull(await DataPlaneProbe.TryEchoAsync(edge.DataUrl, apiId, "/still"));
    }

    private Dictionary<string, string> EdgeEnvironment(string clusterId) => new()
    {
        ["Gateway__Mode"] = "Cluster",
        ["Gateway__Storage__ConnectionString"] = storage.Storage.ConnectionString,
        ["Gateway__Silo__ClusterId"] = clusterId,
    };

    private static HostProcess StartEdge(Dictionary<string, string> environment)
    {
        environment["Kestrel__Endpoints__Data__Url"] = $"http://127.0.0.1:{FreePort.Next()}";
        environment["Kestrel__Endpoints__Admin__Url"] = $"http://127.0.0.1:{FreePort.Next()}";
        return HostProcess.Start(RepositoryLayout.EdgeAssembly, environment);
    }

    private static Dictionary<string, string> With(Dictionary<string, string> environment, Dictionary<string, string> more)
    {
        foreach (var (key, value) in more)
        {
            environment[key] = value;
        }

        return environment;
    }

    private static async Task WaitForActiveAsync(SiloHost observer, params int[] ports)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var members = await observer.MembershipAsync();
            if (ports.All(p => members.GetValueOrDefault(p) == "Active"))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"silos {string.Join(", ", ports)} not all active as seen by {observer.SiloPort}: {string.Join(", ", await observer.MembershipAsync())}");
    }
}
