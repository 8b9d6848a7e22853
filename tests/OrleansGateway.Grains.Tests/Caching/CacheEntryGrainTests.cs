using OrleansGateway.Caching;

namespace OrleansGateway.Grains.Tests.Caching;

public sealed class CacheEntryGrainTests(GatewayClusterFixture fixture) : IClassFixture<GatewayClusterFixture>
{
    [Fact]
    public async Task StoredResponse_IsServedWhileFresh_AndGoneOnceExpired()
    {
        var grain = fixture.Client.GetGrain<ICacheEntryGrain>("api/prod/0/" + Guid.NewGuid().ToString("N"));
        Assert.Null(await grain.Get());

        await grain.Set(new CachedResponse
        {
            StatusCode = 200,
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            Body = """{"n":1}"""u8.ToArray(),
            ExpiresAt = DateTimeOffset.UtcNow.AddMilliseconds(500),
        });
        var fresh = await grain.Get();
        Assert.NotNull(fresh);
        Assert.Equal(200, fresh.StatusCode);
        Assert.Equal("""{"n":1}"""u8.ToArray(), fresh.Body);
        Assert.Equal("application/json", fresh.Headers["Content-Type"]);

        await Task.Delay(700);
        Assert.Null(await grain.Get());
    }
}
