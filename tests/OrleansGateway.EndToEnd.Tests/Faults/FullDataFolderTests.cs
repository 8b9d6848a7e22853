using System.Diagnostics;
using System.Net;
using OrleansGateway.EndToEnd.Tests.ControlPlane;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.Faults;

/// <summary>
/// A data folder that is full, then read-only: writes answer 500 with AWS's JSON error, reads go
/// on, nothing acknowledged is lost, and writes work again once the folder does. The folder is a
/// small tmpfs (needs root or CAP_SYS_ADMIN to mount; chmod would not stop root). Where mounting
/// is refused the test is skipped, saying so; <see cref="BlockedDataFolderTests"/> runs everywhere.
/// </summary>
public sealed class FullDataFolderTests : IAsyncDisposable
{
    private readonly string _mountPoint = Path.Combine(Path.GetTempPath(), "og-full-" + Guid.NewGuid().ToString("N"));
    private EdgeHost? _edge;
    private bool _mounted;

    [Fact]
    public async Task FullThenReadOnlyFolder_WritesAnswer500_ReadsGoOn_AndWritesWorkAgainWhenItRecovers()
    {
        Directory.CreateDirectory(_mountPoint);
        var mount = await RunAsync("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", _mountPoint);
        _mounted = mount.ExitCode == 0;
        if (!_mounted)
        {
            Assert.Skip($"cannot mount a tmpfs here (run as root to include this test): {mount.Stderr.Trim()}");
        }

        _edge = await EdgeHost.StartAsync(_mountPoint);
        using var admin = new AdminHttp(_edge.AdminUrl);
        var apiId = await admin.CreateApiAsync("on-a-small-disk");
        var acknowledged = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            acknowledged.Add(await CreatedRoute(admin, apiId, $"GET /before{i}"));
        }

        var filler = Path.Combine(_mountPoint, "filler");
        FillUp(filler);
        await AssertWritesRefused(admin, apiId, "full");
        Assert.Equal(acknowledged.Order(), await RouteIds(apiId));

        File.Delete(filler);
        acknowledged.Add(await CreatedRoute(admin, apiId, "GET /after-full"));

        Assert.Equal(0, (await RunAsync("mount", "-o", "remount,ro", _mountPoint)).ExitCode);
        await AssertWritesRefused(admin, apiId, "read-only");
        Assert.Equal(acknowledged.Order(), await RouteIds(apiId));

        Assert.Equal(0, (await RunAsync("mount", "-o", "remount,rw", _mountPoint)).ExitCode);
        acknowledged.Add(await CreatedRoute(admin, apiId, "GET /after-read-only"));

        _edge.Process.Kill();
        await _edge.DisposeAsync();
        _edge = await EdgeHost.StartAsync(_mountPoint);
        Assert.Equal(acknowledged.Order(), await RouteIds(apiId));
        Assert.Empty(Directory.GetFiles(_mountPoint, "*.tmp", SearchOption.AllDirectories));
    }

    public async ValueTask DisposeAsync()
    {
        if (_edge is not null)
        {
            await _edge.DisposeAsync();
        }

        if (_mounted)
        {
            await RunAsync("umount", _mountPoint);
        }

        if (Directory.Exists(_mountPoint))
        {
            Directory.Delete(_mountPoint, recursive: true);
        }
    }

    private static async Task AssertWritesRefused(AdminHttp admin, string apiId, string why)
    {
        AdminAnswer[] answers =
        [
            await admin.CreateRouteAsync(apiId, $"GET /{why}"),
            await admin.CreateIntegrationAsync(apiId, "http://127.0.0.1:9"),
            await admin.PostAsync("/v2/apis", new { name = why, protocolType = "HTTP" }),
        ];
        foreach (var answer in answers)
        {
            Assert.Equal((HttpStatusCode.InternalServerError, "InternalServerErrorException"), (answer.Status, answer.ErrorType));
            Assert.Equal("Internal server error", answer.Body.GetProperty("message").GetString());
        }
    }

    private static async Task<string> CreatedRoute(AdminHttp admin, string apiId, string routeKey)
    {
        var answer = await admin.CreateRouteAsync(apiId, routeKey);
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        return answer.Body.GetProperty("routeId").GetString()!;
    }

    private async Task<IEnumerable<string>> RouteIds(string apiId) =>
        (await new ApiGatewayV2Cli(_edge!.AdminUrl).JsonAsync("get-routes", "--api-id", apiId)).GetProperty("Items").EnumerateArray()
            .Select(r => r.GetProperty("RouteId").GetString()!).Order();

    // Page by page until the file system says no more: tmpfs then has no block left for a state file.
    private static void FillUp(string path)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        var page = new byte[4096];
        for (var i = 0; i < 100_000; i++)
        {
            try
            {
                file.Write(page);
            }
            catch (IOException)
            {
                return;
            }
        }

        Assert.Fail("the tmpfs never filled up");
    }

    private static Task<ProcessResult> RunAsync(string command, params string[] arguments) =>
        ProcessRun.RunAsync(new ProcessStartInfo(command, arguments), TimeSpan.FromSeconds(10));
}
