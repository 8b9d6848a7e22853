using System.Diagnostics.Metrics;

namespace OrleansGateway.Edge.Caching;

/// <summary>The REST response cache's counters, named as AWS's CloudWatch metrics, tagged <c>ApiName</c> and <c>Stage</c>.</summary>
public static class CacheMetrics
{
    public const string MeterName = "OrleansGateway";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> HitCount = Meter.CreateCounter<long>("CacheHitCount", description: "REST requests served from the API cache");

    public static readonly Counter<long> MissCount = Meter.CreateCounter<long>("CacheMissCount", description: "REST requests with caching on that called the integration");

    public static void Hit(string apiName, string stage) =>
        HitCount.Add(1, new KeyValuePair<string, object?>("ApiName", apiName), new KeyValuePair<string, object?>("Stage", stage));

    public static void Miss(string apiName, string stage) =>
        MissCount.Add(1, new KeyValuePair<string, object?>("ApiName", apiName), new KeyValuePair<string, object?>("Stage", stage));
}
