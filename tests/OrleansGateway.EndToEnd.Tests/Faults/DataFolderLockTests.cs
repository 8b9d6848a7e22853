using System.Diagnostics;
using System.Net;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.Faults;

/// <summary>Two processes writing one data folder would overwrite each other's state: the second one must not start.</summary>
public sealed class DataFolderLockTests
{
    [Fact]
    public async Task SecondEdgeOnTheSameDataFolder_StopsWithOneLineNamingIt_AndTheFirstKeepsServing()
    {
        await using var first = await EdgeHost.StartAsync();
        using var admin = new AdminHttp(first.AdminUrl);
        await admin.CreateApiAsync("before");

        var start = new ProcessStartInfo("dotnet", [RepositoryLayout.EdgeAssembly])
        {
            WorkingDirectory = Path.GetDirectoryName(RepositoryLayout.EdgeAssembly),
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Kestrel__Endpoints__Data__Url"] = $"http://127.0.0.1:{FreePort.Next()}";
        start.Environment["Kestrel__Endpoints__Admin__Url"] = $"http://127.0.0.1:{FreePort.Next()}";
        start.Environment["Gateway__Storage__Path"] = first.DataPath;
        var second = await ProcessRun.RunAsync(start, TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, second.ExitCode);
        var line = Assert.Single(second.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("orleans-gateway: ", line);
        Assert.Contains($"the data folder {first.DataPath} is in use by another gateway process", line);
        Assert.DoesNotContain("   at ", second.Stdout + second.Stderr);

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/v2/apis", new { name = "after", protocolType = "HTTP" })).Status);
    }
}
