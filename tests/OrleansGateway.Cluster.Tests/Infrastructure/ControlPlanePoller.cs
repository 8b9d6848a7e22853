using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansGateway.Cluster.Tests.Infrastructure;

/// <summary>
/// Lists APIs (<c>GET /v2/apis</c>, unsigned) through one edge every 50 ms until stopped, recording
/// when each call started, how long it took and which apiIds it returned: every call goes through
/// the edge's Orleans client to grains, so a call in flight to a killed silo shows up as a slow one.
/// </summary>
public sealed class ControlPlanePoller : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Sample> _samples = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _loop;

    public ControlPlanePoller(string adminUrl) => _loop = PollAsync(adminUrl + "/v2/apis");

    public TimeSpan Now => _clock.Elapsed;

    public IReadOnlyList<Sample> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    /// <summary>Waits until a call started at or after <paramref name="since"/> listed every one of <paramref name="apiIds"/>.</summary>
    public async Task<Sample> WaitForCompleteListingAsync(TimeSpan since, IReadOnlyCollection<string> apiIds, TimeSpan timeout)
    {
        var deadline = Now + timeout + TimeSpan.FromSeconds(30);
        while (Now < deadline)
        {
            if (Samples.FirstOrDefault(s => s.Started >= since && s.ApiIds is { } ids && apiIds.All(ids.Contains)) is { } sample)
            {
                return sample;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"no complete listing since {since}:\n{string.Join('\n', Samples.Where(s => s.Started >= since))}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _http.Dispose();
        _stop.Dispose();
    }

    private async Task PollAsync(string url)
    {
        // Bounded: at most ten minutes of polling, whatever the test does.
        var end = TimeSpan.FromMinutes(10);
        while (!_stop.IsCancellationRequested && Now < end)
        {
            var started = Now;
            string? failure = null;
            HashSet<string>? ids = null;
            try
            {
                using var response = await _http.GetAsync(url, _stop.Token);
                if (response.IsSuccessStatusCode)
                {
                    var page = await response.Content.ReadFromJsonAsync<JsonElement>(_stop.Token);
                    ids = [.. page.GetProperty("items").EnumerateArray().Select(api => api.GetProperty("apiId").GetString()!)];
                }
                else
                {
                    failure = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(_stop.Token)}";
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !_stop.IsCancellationRequested)
            {
                failure = e.GetType().Name + ": " + e.Message;
            }

            lock (_samples)
            {
                _samples.Add(new Sample(started, Now - started, ids, failure));
            }

            await Task.Delay(50, _stop.Token);
        }
    }

    public sealed record Sample(TimeSpan Started, TimeSpan Duration, HashSet<string>? ApiIds, string? Failure)
    {
        public override string ToString() =>
            $"{Started.TotalSeconds:0.00}s +{Duration.TotalMilliseconds:0}ms {(Failure ?? $"{ApiIds!.Count} apis")}";
    }
}
