using System.Diagnostics;

namespace OrleansGateway.Bench.WebSocketLoad;

/// <summary>When each push and broadcast reached a client, by Stopwatch timestamp (0 while it has not).</summary>
public sealed class Receipts
{
    private long[] _pushes = [];
    private int[] _broadcastCounts = [];
    private long[] _broadcastLast = [];
    private long[] _broadcastHalf = [];
    private long[] _broadcastP99 = [];
    private int _halfCount = int.MaxValue;
    private int _p99Count = int.MaxValue;
    private int _unexpected;

    public long[] Pushes => _pushes;

    public int Unexpected => Volatile.Read(ref _unexpected);

    public string? LastUnexpected { get; private set; }

    public void ExpectPushes(int count) => _pushes = new long[count];

    /// <summary>Resets the broadcast counters for <paramref name="rounds"/> rounds to <paramref name="members"/> members each.</summary>
    public void ExpectBroadcasts(int rounds, int members)
    {
        _broadcastCounts = new int[rounds];
        _broadcastLast = new long[rounds];
        _broadcastHalf = new long[rounds];
        _broadcastP99 = new long[rounds];
        _halfCount = Math.Max(1, (members + 1) / 2);
        _p99Count = Math.Max(1, (int)Math.Ceiling(members * 0.99));
    }

    public int BroadcastCount(int round) => Volatile.Read(ref _broadcastCounts[round]);

    public long BroadcastLast(int round) => Volatile.Read(ref _broadcastLast[round]);

    /// <summary>When half of the members had the round's frame: the median member's delivery.</summary>
    public long BroadcastHalf(int round) => Volatile.Read(ref _broadcastHalf[round]);

    /// <summary>When 99 % of the members had the round's frame.</summary>
    public long BroadcastP99(int round) => Volatile.Read(ref _broadcastP99[round]);

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
                // The count that reaches a threshold is unique, so exactly one receipt records each quantile.
                var count = Interlocked.Increment(ref _broadcastCounts[number]);
                if (count == _halfCount)
                {
                    Volatile.Write(ref _broadcastHalf[number], now);
                }

                if (count == _p99Count)
                {
                    Volatile.Write(ref _broadcastP99[number], now);
                }

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
