namespace OrleansGateway.Bench.WebSocketLoad;

/// <summary>What one run measured against one target; written as JSON for bench/ws_summarize.py.</summary>
public sealed class LoadReport
{
    public required string Label { get; init; }

    public required int Connections { get; init; }

    public required int Sources { get; init; }

    public required int[] ServerPids { get; init; }

    public ConnectFigures? Connect { get; set; }

    public MemoryFigures? Memory { get; set; }

    public WhoAmIFigures? WhoAmI { get; set; }

    public PushFigures? Push { get; set; }

    public BroadcastFigures? Broadcast { get; set; }

    public int UnexpectedFrames { get; set; }

    public string? LastUnexpectedFrame { get; set; }

    public List<string> Notes { get; } = [];

    /// <summary>Opening the connections: how many, how fast, and whose CPU it took.</summary>
    public sealed record ConnectFigures(
        int Opened, int Failed, string? FirstError, double Seconds, double PerSecond, int Concurrency,
        double ServerCpuSeconds, double ServerCpuMicrosecondsPerConnect, double ClientCpuMicrosecondsPerConnect, double MachineBusyPercent);

    /// <summary>Resident memory of the server processes before the connects and after they settled.</summary>
    public sealed record MemoryFigures(long[] BeforeKib, long[] JustAfterKib, long[] SettledKib, int SettleSeconds, double BytesPerConnection);

    /// <summary>Every client asked the server for its connection ID (a message round trip through a route).</summary>
    public sealed record WhoAmIFigures(int Answered, int Failed, double Seconds);

    /// <summary>Posts at a fixed rate, each to the next connection in turn; latency from the POST's start to the frame's arrival.</summary>
    public sealed record PushFigures(
        int Rate, double Seconds, int Sent, int Delivered, int Lost, int HttpErrors, string? FirstHttpError,
        double P50Ms, double P90Ms, double P99Ms, double MaxMs, double PostP50Ms, double PostP99Ms, double ServerCpuMicrosecondsPerPush,
        int ClientCollections, double ClientGcPauseMs);

    /// <summary>
    /// Broadcasts to every held connection, one at a time; the time is until the last member had the frame
    /// (<c>RoundsMs</c>), until half and 99 % of them had it (the median and p99 member's delivery latency), and
    /// until the POST was answered. Delivery rate: members over the time to the last; server CPU summed over the
    /// counted rounds, per delivered frame.
    /// </summary>
    public sealed record BroadcastFigures(
        int Members, int JoinFailed, double JoinSeconds, double[] RoundsMs, int[] RoundsReached, double MedianMs, string? LastAnswer,
        double[] RoundsHalfMs, double[] RoundsP99Ms, double[] RoundsPostMs, double MedianHalfMs, double MedianP99Ms, double MedianPostMs,
        double DeliveriesPerSecond, double ServerCpuMicrosecondsPerDelivery);
}
