using System.Diagnostics;
using System.Net;
using System.Text;

namespace OrleansGateway.Bench.WebSocketLoad;

/// <summary>
/// The phases against one target, in order: a warm-up (connect, ask IDs, push, broadcast, close, so the
/// JIT has seen every path), then connect N and read memory, ask every client its ID, push at a fixed
/// rate, and broadcast to all of them.
/// </summary>
public sealed class LoadRun(LoadOptions options, Receipts receipts, HttpClient http, TextWriter log)
{
    private const string MeasuredGroup = "bench";
    private const string WarmupGroup = "warmup";

    private readonly ServerProcesses _server = new(options.ServerPids);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>What has been measured so far; a run stopped by its deadline still reports its finished phases.</summary>
    public LoadReport Report { get; } = new() { Label = options.Label, Connections = options.Connections, Sources = options.Sources, ServerPids = options.ServerPids };

    public async Task<LoadReport> RunAsync(CancellationToken cancellationToken)
    {
        var report = Report;
        var messaging = options.Phases.Contains("push") || options.Phases.Contains("broadcast");

        if (options.WarmupConnections > 0)
        {
            await WarmUpAsync(messaging, cancellationToken);
        }

        var before = _server.ResidentKib();
        var (clients, connect) = await ConnectAsync(options.Connections, cancellationToken);
        report.Connect = connect;
        var justAfter = _server.ResidentKib();
        Log($"connected {connect.Opened} ({connect.Failed} failed) in {connect.Seconds:F2} s: {connect.PerSecond:F0}/s, server CPU {connect.ServerCpuMicrosecondsPerConnect:F0} µs per connect");
        if (connect.Opened == 0)
        {
            report.Notes.Add("no connection opened: " + connect.FirstError);
            return report;
        }

        await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds), cancellationToken);
        var settled = _server.ResidentKib();
        var perConnection = (settled.Sum() - before.Sum()) * 1024.0 / connect.Opened;
        report.Memory = new LoadReport.MemoryFigures(before, justAfter, settled, options.SettleSeconds, perConnection);
        Log($"memory: {before.Sum()} KiB before, {settled.Sum()} KiB settled: {perConnection:F0} bytes per connection");

        if (messaging)
        {
            var started = _clock.Elapsed;
            var (answered, failed) = await AskIdsAsync(clients, cancellationToken);
            report.WhoAmI = new LoadReport.WhoAmIFigures(answered, failed, (_clock.Elapsed - started).TotalSeconds);
            Log($"{answered} clients know their ID ({failed} did not hear) in {report.WhoAmI.Seconds:F1} s");
            var named = clients.Where(c => c.ConnectionId is not null).ToArray();
            if (options.Phases.Contains("push") && options.PushUrl is not null && named.Length > 0)
            {
                report.Push = await PushAsync(named, options.PushSeconds, cancellationToken);
                Log($"push at {report.Push.Rate}/s: p50 {report.Push.P50Ms:F2} ms, p99 {report.Push.P99Ms:F2} ms, {report.Push.Lost} lost, {report.Push.HttpErrors} HTTP errors {report.Push.FirstHttpError}; the load tool's own GC: {report.Push.ClientCollections} collections, {report.Push.ClientGcPauseMs:F1} ms paused");
            }

            if (options.Phases.Contains("broadcast") && options.BroadcastUrl is not null && named.Length > 0)
            {
                report.Broadcast = await BroadcastAsync(named, MeasuredGroup, options.BroadcastRounds, cancellationToken);
                Log($"broadcast to {report.Broadcast.Members} ({report.Broadcast.LastAnswer}): median {report.Broadcast.MedianMs:F1} ms ({string.Join(" / ", report.Broadcast.RoundsMs.Select(ms => ms.ToString("F1")))}), median member {report.Broadcast.MedianHalfMs:F1} ms, p99 member {report.Broadcast.MedianP99Ms:F1} ms, POST answered in {report.Broadcast.MedianPostMs:F1} ms, {report.Broadcast.DeliveriesPerSecond:F0} deliveries/s, server CPU {report.Broadcast.ServerCpuMicrosecondsPerDelivery:F1} µs per delivery");
            }
        }

        report.UnexpectedFrames = receipts.Unexpected;
        report.LastUnexpectedFrame = receipts.LastUnexpected;
        if (options.HoldSeconds > 0)
        {
            Log($"holding {clients.Count} connections for {options.HoldSeconds} s");
            await Task.Delay(TimeSpan.FromSeconds(options.HoldSeconds), cancellationToken);
        }

        await CloseAllAsync(clients);
        return report;
    }

    private async Task WarmUpAsync(bool messaging, CancellationToken cancellationToken)
    {
        var (clients, connect) = await ConnectAsync(options.WarmupConnections, cancellationToken);
        if (messaging)
        {
            await AskIdsAsync(clients, cancellationToken);
            var named = clients.Where(c => c.ConnectionId is not null).ToArray();
            if (options.PushUrl is not null && named.Length > 0)
            {
                await PushAsync(named, 2, cancellationToken);
            }

            if (options.BroadcastUrl is not null && named.Length > 0)
            {
                await BroadcastAsync(named, WarmupGroup, 2, cancellationToken);
            }
        }

        await CloseAllAsync(clients);
        Log($"warm-up: {connect.Opened} connections at {connect.PerSecond:F0}/s, closed");

        // Let the servers finish what the closes started ($disconnect, group leaves) before the baseline.
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
    }

    private async Task<(List<ClientSocket> Clients, LoadReport.ConnectFigures Figures)> ConnectAsync(int count, CancellationToken cancellationToken)
    {
        var opened = new ClientSocket?[count];
        var failed = 0;
        string? firstError = null;
        var next = -1;
        var server = options.Server;
        var sources = Enumerable.Range(1, options.Sources).Select(i => new IPAddress(new byte[] { 127, 0, 0, (byte)i })).ToArray();

        var cpuBefore = _server.CpuSeconds();
        var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var machineBefore = ServerProcesses.MachineTicks();
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, Math.Min(options.ConnectConcurrency, count)).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count && !cancellationToken.IsCancellationRequested)
            {
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    timeout.CancelAfter(TimeSpan.FromSeconds(30));
                    opened[i] = await ClientSocket.ConnectAsync(server, sources[i % sources.Length], options.WebSocketUrl, options.WebSocketHost, receipts, timeout.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstError, $"{e.GetType().Name}: {e.Message}", null);
                }
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpu = _server.CpuSeconds() - cpuBefore;
        var client = (Process.GetCurrentProcess().TotalProcessorTime - clientBefore).TotalSeconds;
        var machineAfter = ServerProcesses.MachineTicks();
        var busy = 100.0 * (machineAfter.Busy - machineBefore.Busy) / Math.Max(1, machineAfter.Total - machineBefore.Total);

        var clients = opened.OfType<ClientSocket>().ToList();
        var n = clients.Count == 0 ? double.NaN : clients.Count;
        return (clients, new LoadReport.ConnectFigures(
            clients.Count, failed, firstError, seconds, clients.Count / seconds, options.ConnectConcurrency,
            cpu, cpu * 1e6 / n, client * 1e6 / n, busy));
    }

    /// <summary>Every client asks its ID; when the first 64 all fail, the route does not work and the rest are not asked.</summary>
    private async Task<(int Answered, int Failed)> AskIdsAsync(List<ClientSocket> clients, CancellationToken cancellationToken)
    {
        var failed = 0;
        var answered = 0;
        using var hopeless = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            await Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = hopeless.Token }, async (client, token) =>
            {
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
                    timeout.CancelAfter(TimeSpan.FromSeconds(10));
                    await client.AskIdAsync(timeout.Token);
                    Interlocked.Increment(ref answered);
                }
                catch (Exception e) when (!token.IsCancellationRequested)
                {
                    var failures = Interlocked.Increment(ref failed);
                    if (failures == 1)
                    {
                        Log($"whoami failed: {e.GetType().Name}: {e.Message} (last frame: {receipts.LastUnexpected})");
                    }

                    if (failures >= 64 && Volatile.Read(ref answered) == 0)
                    {
                        await hopeless.CancelAsync();
                    }
                }
            });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log("whoami: no client got an answer; the rest were not asked");
        }

        return (answered, clients.Count - answered);
    }

    /// <summary>
    /// Open loop: every millisecond or so, sends the posts whose time has come, each to the next
    /// connection in turn; a post's latency runs from just before its request is sent to the frame's arrival.
    /// </summary>
    private async Task<LoadReport.PushFigures> PushAsync(ClientSocket[] clients, int seconds, CancellationToken cancellationToken)
    {
        var rate = options.PushRate;
        var total = rate * seconds;
        receipts.ExpectPushes(total);
        var sentAt = new long[total];
        var answeredAt = new long[total];
        var httpErrors = 0;
        string? firstError = null;
        var posts = new List<Task>(total);
        var cpuBefore = _server.CpuSeconds();
        var pausedBefore = GC.GetTotalPauseDuration();
        var collectionsBefore = GC.CollectionCount(0);
        var start = Stopwatch.GetTimestamp();

        async Task PostAsync(int sequence)
        {
            var target = clients[sequence % clients.Length].ConnectionId!;
            using var request = new HttpRequestMessage(HttpMethod.Post, LoadOptions.Expand(options.PushUrl!, target, MeasuredGroup))
            {
                Content = new ByteArrayContent(Encoding.ASCII.GetBytes($"p:{sequence}")),
            };
            if (options.HttpHost is not null)
            {
                request.Headers.Host = options.HttpHost;
            }

            sentAt[sequence] = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                answeredAt[sequence] = Stopwatch.GetTimestamp();
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref httpErrors);
                    Interlocked.CompareExchange(ref firstError, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}", null);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref httpErrors);
                Interlocked.CompareExchange(ref firstError, $"{e.GetType().Name}: {e.Message}", null);
            }
        }

        for (var sequence = 0; sequence < total && !cancellationToken.IsCancellationRequested;)
        {
            var due = (int)Math.Min(total, Stopwatch.GetElapsedTime(start).TotalSeconds * rate + 1);
            while (sequence < due)
            {
                posts.Add(PostAsync(sequence++));
            }

            await Task.Delay(1, cancellationToken);
        }

        var sendSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        await Task.WhenAll(posts).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        var cpu = _server.CpuSeconds() - cpuBefore;
        var clientPaused = (GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds;
        var clientCollections = GC.CollectionCount(0) - collectionsBefore;
        for (var waited = 0; waited < 50 && receipts.Pushes.Take(posts.Count).Any(t => t == 0); waited++)
        {
            await Task.Delay(100, cancellationToken);
        }

        var latencies = new List<double>(posts.Count);
        var postLatencies = new List<double>(posts.Count);
        for (var i = 0; i < posts.Count; i++)
        {
            if (receipts.Pushes[i] != 0)
            {
                latencies.Add(Milliseconds(receipts.Pushes[i] - sentAt[i]));
            }

            if (answeredAt[i] != 0)
            {
                postLatencies.Add(Milliseconds(answeredAt[i] - sentAt[i]));
            }
        }

        latencies.Sort();
        postLatencies.Sort();
        return new LoadReport.PushFigures(
            rate, sendSeconds, posts.Count, latencies.Count, posts.Count - latencies.Count, httpErrors, firstError,
            Percentile(latencies, 50), Percentile(latencies, 90), Percentile(latencies, 99), latencies.Count > 0 ? latencies[^1] : double.NaN,
            Percentile(postLatencies, 50), Percentile(postLatencies, 99), cpu * 1e6 / Math.Max(1, posts.Count), clientCollections, clientPaused);
    }

    private async Task<LoadReport.BroadcastFigures> BroadcastAsync(ClientSocket[] clients, string group, int rounds, CancellationToken cancellationToken)
    {
        var joinFailed = 0;
        var joinStarted = Stopwatch.GetTimestamp();
        if (options.JoinUrl is { } join)
        {
            await Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (client, token) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Put, LoadOptions.Expand(join, client.ConnectionId!, group));
                if (options.HttpHost is not null)
                {
                    request.Headers.Host = options.HttpHost;
                }

                try
                {
                    using var response = await http.SendAsync(request, token);
                    if (!response.IsSuccessStatusCode && Interlocked.Increment(ref joinFailed) == 1)
                    {
                        Log($"join failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(token)}");
                    }
                }
                catch (HttpRequestException e)
                {
                    if (Interlocked.Increment(ref joinFailed) == 1)
                    {
                        Log($"join failed: {e.Message}");
                    }
                }
            });
        }

        var joinSeconds = Stopwatch.GetElapsedTime(joinStarted).TotalSeconds;

        // Round 0 warms the path and is not counted.
        receipts.ExpectBroadcasts(rounds + 1, clients.Length);
        var times = new List<double>();
        var halves = new List<double>();
        var p99s = new List<double>();
        var posts = new List<double>();
        var reached = new List<int>();
        var cpu = 0.0;
        string? answer = null;
        for (var round = 0; round <= rounds; round++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, LoadOptions.Expand(options.BroadcastUrl!, string.Empty, group))
            {
                Content = new ByteArrayContent(Encoding.ASCII.GetBytes($"b:{round}")),
            };
            if (options.HttpHost is not null)
            {
                request.Headers.Host = options.HttpHost;
            }

            var cpuBefore = _server.CpuSeconds();
            var started = Stopwatch.GetTimestamp();
            long answeredAt;
            using (var response = await http.SendAsync(request, cancellationToken))
            {
                answeredAt = Stopwatch.GetTimestamp();
                answer = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
            }

            var deadline = Stopwatch.GetTimestamp() + (30 * Stopwatch.Frequency);
            while (receipts.BroadcastCount(round) < clients.Length && Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(1, cancellationToken);
            }

            if (round > 0)
            {
                cpu += _server.CpuSeconds() - cpuBefore;
                var last = receipts.BroadcastLast(round);
                times.Add(last == 0 ? double.NaN : Milliseconds(last - started));
                halves.Add(receipts.BroadcastHalf(round) is var half && half != 0 ? Milliseconds(half - started) : double.NaN);
                p99s.Add(receipts.BroadcastP99(round) is var p99 && p99 != 0 ? Milliseconds(p99 - started) : double.NaN);
                posts.Add(Milliseconds(answeredAt - started));
                reached.Add(receipts.BroadcastCount(round));
            }

            await Task.Delay(500, cancellationToken);
        }

        var sorted = times.Where(t => !double.IsNaN(t)).Order().ToList();
        var median = Percentile(sorted, 50);
        var delivered = reached.Sum();
        return new LoadReport.BroadcastFigures(
            clients.Length, joinFailed, joinSeconds, [.. times], [.. reached], median, answer,
            [.. halves], [.. p99s], [.. posts], MedianOf(halves), MedianOf(p99s), MedianOf(posts),
            clients.Length / (median / 1000.0), cpu * 1e6 / Math.Max(1, delivered));
    }

    private static double MedianOf(List<double> values) => Percentile(values.Where(v => !double.IsNaN(v)).Order().ToList(), 50);

    private static async Task CloseAllAsync(List<ClientSocket> clients)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = 128, CancellationToken = timeout.Token }, async (client, _) => await client.CloseAsync());
        }
        catch (OperationCanceledException)
        {
            // Whatever did not close in time is cut off.
        }

        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    /// <summary>Nearest-rank percentile of a sorted list.</summary>
    private static double Percentile(List<double> sorted, double percent) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private void Log(string message) => log.WriteLine($"[{options.Label} {_clock.Elapsed.TotalSeconds,5:F0}s] {message}");
}
