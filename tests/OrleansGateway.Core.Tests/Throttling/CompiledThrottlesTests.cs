using OrleansGateway.Core.Tests.RestApis;
using OrleansGateway.Core.Tests.WebSockets;
using OrleansGateway.HttpApis;
using OrleansGateway.RestApis;
using OrleansGateway.Routing;
using OrleansGateway.Throttling;
using OrleansGateway.WebSockets;

namespace OrleansGateway.Core.Tests.Throttling;

/// <summary>The limits each table compiles in once per stage version, read by the pipelines per request.</summary>
public sealed class CompiledThrottlesTests
{
    [Fact]
    public void RestStageTable_GivesEachMethodItsThrottle_TheCanaryTheSameScope()
    {
        var runtime = RestStageTableTests.Runtime(canaryPercent: 10);
        runtime = runtime with
        {
            Stage = runtime.Stage with { MethodSettings = new() { ["*/*"] = new RestMethodSetting { ThrottlingRateLimit = 5, ThrottlingBurstLimit = 8 } } },
        };

        var tables = RestStageTables.Create(runtime, TimeSpan.FromSeconds(29));

        var main = tables.Main!.Resources.Match("GET", "/items")!.Method.Throttle;
        var canary = tables.Canary!.Resources.Match("GET", "/items")!.Method.Throttle;
        Assert.Equal(new ScopedThrottle("route/abc123/prod//items/GET", new ThrottleLimit { RateLimit = 5, BurstLimit = 8 }), main);
        Assert.Equal(main, canary);
    }

    [Fact]
    public void StageRoutingTable_GivesEachRouteItsThrottle()
    {
        var runtime = Stages.Deployed([("GET /pets", "i1"), ("$default", "i1")], [Stages.HttpProxy("i1", "http://127.0.0.1:1/")], stageName: "prod");
        runtime = runtime with
        {
            Stage = runtime.Stage with
            {
                DefaultRouteSettings = new RouteSettings { ThrottlingRateLimit = 5, ThrottlingBurstLimit = 10 },
                RouteSettings = new() { ["GET /pets"] = new RouteSettings { ThrottlingRateLimit = 0, ThrottlingBurstLimit = 0 } },
            },
        };

        var table = StageRoutingTable.Create(runtime, TimeSpan.FromSeconds(30));

        Assert.True(table.TryMatch("GET", "/pets".AsMemory(), out var pets));
        Assert.True(table.TryMatch("GET", "/other".AsMemory(), out var other));
        Assert.Equal(new ScopedThrottle("route/api1/prod/GET /pets", new ThrottleLimit { RateLimit = 0, BurstLimit = 0 }), pets.Route.Throttle);
        Assert.Equal(new ScopedThrottle("route/api1/prod/$default", new ThrottleLimit { RateLimit = 5, BurstLimit = 10 }), other.Route.Throttle);
    }

    [Fact]
    public async Task WebSocketMessageOverItsRoutesLimit_GetsTheTooManyRequestsFrame_ConnectA429_DisconnectRuns()
    {
        var table = new WebSocketStage
        {
            RouteSettings = new() { ["$default"] = new RouteSettings { ThrottlingRateLimit = 0, ThrottlingBurstLimit = 1 } },
            DefaultRouteSettings = new RouteSettings { ThrottlingRateLimit = 0, ThrottlingBurstLimit = 0 },
        }
            .Route("$default", WebSocketStage.Mock(), twoWay: true, WebSocketStage.Response("$default", """{"ok":true}"""))
            .Route("$disconnect", WebSocketStage.Mock())
            .Compile();
        var buckets = new Dictionary<string, TokenBucket>();
        var clock = new SteppedClock();
        var budgets = new ThrottleBudgets((scope, limit, wanted) =>
        {
            lock (buckets)
            {
                var bucket = buckets.TryGetValue(scope, out var found) ? found : buckets[scope] = new TokenBucket(limit, clock);
                return Task.FromResult(ThrottleSlices.Lease(bucket, wanted));
            }
        }, clock);
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler());
        var dispatcher = new WebSocketRouteDispatcher(invoker, new RequestThrottle(budgets, ThrottleLimit.AccountDefault));

        var first = await dispatcher.DispatchAsync(table, WebSocketStage.Message("{}", "req-1"), CancellationToken.None);
        var second = await dispatcher.DispatchAsync(table, WebSocketStage.Message("{}", "req-2"), CancellationToken.None);
        var connect = await dispatcher.DispatchAsync(table, WebSocketStage.Connect(), CancellationToken.None);
        var disconnect = await dispatcher.DispatchAsync(table, WebSocketStage.Disconnect(1000, "bye"), CancellationToken.None);

        Assert.Equal(200, first.StatusCode);
        Assert.Equal(429, second.StatusCode);
        Assert.Equal($$"""{"message":"Too Many Requests","connectionId":"{{WebSocketStage.ConnectionId}}","requestId":"req-2"}""",
            System.Text.Encoding.UTF8.GetString(second.Reply!));
        Assert.Null(second.Failure);
        Assert.Equal(429, connect.StatusCode);
        Assert.Equal("""{"message":"Too Many Requests"}""", connect.ErrorBody);
        Assert.Equal(200, disconnect.StatusCode);
    }
}
