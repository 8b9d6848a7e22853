using System.Diagnostics;
using BenchmarkDotNet.Running;
using OrleansGateway.Bench.Vtl;

// "--loop SECONDS": render the 100-item template in a plain loop for that long and print the mean time per
// render, for profiling with perf (DOTNET_PerfMapEnabled=1) and for a quick figure; anything else goes to
// BenchmarkDotNet.
if (args is ["--loop", var seconds])
{
    var benchmarks = new IntegrationResponseBenchmarks();
    benchmarks.Setup();
    var limit = TimeSpan.FromSeconds(double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
    for (var warm = 0; warm < 20_000; warm++)
    {
        benchmarks.RenderPetList();
    }

    var renders = 0;
    var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed < limit)
    {
        for (var i = 0; i < 1_000; i++)
        {
            benchmarks.RenderPetList();
        }

        renders += 1_000;
    }

    // CPU time as well as wall time: on a machine shared with builds and tests the wall time includes the
    // time this thread waited for a core, the process's CPU time does not.
    process.Refresh();
    var cpu = process.TotalProcessorTime - cpuBefore;
    Console.WriteLine($"RenderPetList: {clock.Elapsed.TotalMicroseconds / renders:F2} µs wall, {cpu.TotalMicroseconds / renders:F2} µs CPU per render ({renders} renders in {clock.Elapsed.TotalSeconds:F1} s)");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
