namespace OrleansGateway.Bench.WebSocketLoad;

/// <summary>Resident memory and CPU time of the server processes, read from /proc.</summary>
public sealed class ServerProcesses(int[] pids)
{
    /// <summary>USER_HZ: /proc reports CPU time in these ticks, 100 a second on every Linux ABI .NET runs on.</summary>
    private const double TicksPerSecond = 100;

    public int[] Pids { get; } = pids;

    /// <summary>VmRSS of each process, in KiB.</summary>
    public long[] ResidentKib() => [.. Pids.Select(ResidentKib)];

    /// <summary>User plus system CPU of all the processes, in seconds.</summary>
    public double CpuSeconds() => Pids.Sum(CpuTicks) / TicksPerSecond;

    public static long ResidentKib(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]);
            }
        }

        throw new InvalidOperationException($"no VmRSS for process {pid}");
    }

    private static long CpuTicks(int pid)
    {
        // Fields after the command name, which may hold spaces: state is field 3, utime 14 and stime 15.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11]) + long.Parse(fields[12]);
    }

    /// <summary>Busy ticks of the whole machine (all cores), to tell whether the run was CPU-bound.</summary>
    public static (long Busy, long Total) MachineTicks()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        var idle = fields[3] + fields[4];
        var total = fields.Take(8).Sum();
        return (total - idle, total);
    }
}
