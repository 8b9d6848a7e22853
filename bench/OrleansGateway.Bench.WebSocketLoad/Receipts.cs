using System.Diagnostics;

namespace OrleansGateway.Bench.WebSocketLoad;

/// <summary>When each push and broadcast reached a client, by Stopwatch timestamp (0 while it has not).</summary>
public sealed class Receipts
{
    private long[] _pushes = [];
    private int[] _broadcastCounts = [];
    private long[] _broadcastLast = [];
    private int _unexpected;

    public long[] Pushes => _pushes;

    public int Unexpected => Volatile.Read(ref _unexpected);

    public string? LastUnexpected { get; private set; }

    public void ExpectPushes(int count) => _pushes = new long[count];

    public void ExpectBroadcasts(int rounds)
    {
        _broadcastCounts = new int[rounds];
        _broadcastLast = new long[rounds];
    }

    public int BroadcastCount(int round) => Volatile.Read(ref _broadcastCounts[round]);

    public long BroadcastLast(int round) => Volatile.Read(ref _broadcastLast[round]);

    /// <summary>Push frames are "p:SEQ", broadcast frames "b:ROUND"; anything else is counted and kept for the report.</summary>
    public void Received(ReadOnlySpan<byte> frame)
    {
        var now = Stopwatch.GetTimestamp();
        if (frame.Length > 2 && frame[1] == (byte)':' && int.TryParse(frame[2..], out var number))
        {
            if (frame[0] == (byte)'p' && (uint)number < (uint)_pushes.Length)
            {
                Volatile.Write(ref _pushes[number], now);
                return;
            }

            if (frame[0] == (byte)'b' && (uint)number < (uint)_broadcastCounts.Length)
            {
                Interlocked.Increment(ref _broadcastCounts[number]);
                RaiseTo(ref _broadcastLast[number], now);
                return;
            }
        }

        Interlocked.Increment(ref _unexpected);
        LastUnexpected = System.Text.Encoding.UTF8.GetString(frame);
    }

    /// <summary>Receive loops finish out of order: keep the latest timestamp, not the last written.</summary>
    private static void RaiseTo(ref long target, long value)
    {
        var seen = Volatile.Read(ref target);
        while (seen < value)
        {
            var found = Interlocked.CompareExchange(ref target, value, seen);
            if (found == seen)
            {
                return;
            }

            seen = found;
        }
    }
}
