using System.Diagnostics;
using System.Net;

namespace OrleansGateway.EndToEnd.Tests.Throttling;

/// <summary>What a bounded load saw: how many requests were admitted (2xx) and throttled (429), over how long.</summary>
internal sealed record ThrottleLoad(int Admitted, int Throttled, int Other, TimeSpan Elapsed)
{
    /// <summary>
    /// Sends GETs to <paramref name="url"/> from <paramref name="workers"/> loops, each one request at a
    /// time, until <paramref name="duration"/> has passed or <paramref name="maxRequests"/> were sent.
    /// </summary>
    public static async Task<ThrottleLoad> RunAsync(HttpClient http, string url, TimeSpan duration, int maxRequests, int workers = 1)
    {
        int admitted = 0, throttled = 0, other = 0, sent = 0;
        var clock = Stopwatch.StartNew();
        async Task WorkAsync()
        {
            while (clock.Elapsed < duration && Interlocked.Increment(ref sent) <= maxRequests)
            {
                using var response = await http.GetAsync(url);
                await response.Content.ReadAsByteArrayAsync();
                _ = response.StatusCode switch
                {
                    HttpStatusCode.OK => Interlocked.Increment(ref admitted),
                    HttpStatusCode.TooManyRequests => Interlocked.Increment(ref throttled),
                    _ => Interlocked.Increment(ref other),
                };
            }
        }

        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(WorkAsync)));
        return new ThrottleLoad(admitted, throttled, other, clock.Elapsed);
    }

    /// <summary>Asks <paramref name="url"/> until it answers <paramref name="status"/> (a pushed stage change is live), at most 15 s.</summary>
    public static async Task<HttpResponseMessage> WaitForStatusAsync(HttpClient http, string url, HttpStatusCode status)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await http.GetAsync(url);
            if (response.StatusCode == status)
            {
                return response;
            }

            var seen = response.StatusCode;
            response.Dispose();
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"{url} still answers {seen}, not {status}");
            await Task.Delay(100);
        }
    }
}
