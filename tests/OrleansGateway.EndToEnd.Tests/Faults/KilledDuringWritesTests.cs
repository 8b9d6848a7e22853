using System.Collections.Concurrent;
using System.Net;
using OrleansGateway.EndToEnd.Tests.ControlPlane;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.Faults;

/// <summary>kill -9 of the embedded gateway while control-plane writes are in flight.</summary>
public sealed class KilledDuringWritesTests
{
    private const int Writers = 12;
    private const int KillAfterAcknowledged = 60;

    [Fact]
    public async Task KilledInABurstOfWrites_RestartsWithEveryAcknowledgedWrite()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "og-burst-" + Guid.NewGuid().ToString("N"));
        try
        {
            var routes = new ConcurrentDictionary<string, (string ApiId, string RouteKey)>();
            var integrations = new ConcurrentDictionary<string, string>();
            var apiIds = new ConcurrentBag<string>();
            var refused = new ConcurrentBag<HttpStatusCode>();
            int sent = 0, acknowledged = 0;
            await using (var first = await EdgeHost.StartAsync(dataPath))
            {
                using var admin = new AdminHttp(first.AdminUrl);
                string[] targets = [await admin.CreateApiAsync("burst-a"), await admin.CreateApiAsync("burst-b"), await admin.CreateApiAsync("burst-c")];
                foreach (var apiId in targets)
                {
                    apiIds.Add(apiId);
                }

                // Routes, integrations and whole APIs, spread over several grains, until the kill cuts them off.
                async Task Write()
                {
                    while (!first.Process.HasExited && Volatile.Read(ref sent) < 2_000)
                    {
                        var n = Interlocked.Increment(ref sent);
                        var apiId = targets[n % targets.Length];
                        try
                        {
                            var answer = (n % 5) switch
                            {
                                0 => await admin.CreateIntegrationAsync(apiId, $"http://127.0.0.1:9/{n}"),
                                1 => await admin.PostAsync("/v2/apis", new { name = $"burst-{n}", protocolType = "HTTP" }),
                                _ => await admin.CreateRouteAsync(apiId, $"GET /r{n}"),
                            };
                            if (!answer.Acknowledged)
                            {
                                refused.Add(answer.Status);
                                continue;
                            }

                            switch (n % 5)
                            {
                                case 0: integrations[answer.Body.GetProperty("integrationId").GetString()!] = apiId; break;
                                case 1: apiIds.Add(answer.Body.GetProperty("apiId").GetString()!); break;
                                default: routes[answer.Body.GetProperty("routeId").GetString()!] = (apiId, $"GET /r{n}"); break;
                            }

                            if (Interlocked.Increment(ref acknowledged) == KillAfterAcknowledged)
                            {
                                first.Process.Kill();
                            }
                        }
                        catch (HttpRequestException)
                        {
                            // Cut off by the kill: not acknowledged, so it may or may not be stored.
                        }
                    }
                }

                await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(Write)));
                Assert.True(first.Process.HasExited, "the burst ended before the kill");
                Assert.True(sent > acknowledged + 1, $"no write was in flight at the kill ({sent} sent, {acknowledged} acknowledged)");
                Assert.Empty(refused);
            }

            await using var second = await EdgeHost.StartAsync(dataPath);
            var aws = new ApiGatewayV2Cli(second.AdminUrl);
            var stored = (await aws.JsonAsync("get-apis")).GetProperty("Items").EnumerateArray().Select(a => a.GetProperty("ApiId").GetString()).ToHashSet();
            Assert.Superset(apiIds.ToHashSet(), stored!);
            foreach (var apiId in routes.Values.Select(r => r.ApiId).Concat(integrations.Values).Distinct())
            {
                var storedRoutes = (await aws.JsonAsync("get-routes", "--api-id", apiId)).GetProperty("Items").EnumerateArray()
                    .ToDictionary(r => r.GetProperty("RouteId").GetString()!, r => r.GetProperty("RouteKey").GetString());
                foreach (var (routeId, route) in routes.Where(r => r.Value.ApiId == apiId))
                {
                    Assert.True(storedRoutes.TryGetValue(routeId, out var key) && key == route.RouteKey, $"acknowledged route {routeId} ({route.RouteKey}) of {apiId} is lost");
                }

                var storedIntegrations = (await aws.JsonAsync("get-integrations", "--api-id", apiId)).GetProperty("Items").EnumerateArray()
                    .Select(i => i.GetProperty("IntegrationId").GetString()).ToHashSet();
                Assert.Superset(integrations.Where(i => i.Value == apiId).Select(i => (string?)i.Key).ToHashSet(), storedIntegrations);
            }

            Assert.Empty(Directory.GetFiles(dataPath, "*.tmp", SearchOption.AllDirectories));
        }
        finally
        {
            if (Directory.Exists(dataPath))
            {
                Directory.Delete(dataPath, recursive: true);
            }
        }
    }
}
