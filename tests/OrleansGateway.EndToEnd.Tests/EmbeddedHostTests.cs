using System.Net;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests;

public sealed class EmbeddedHostTests
{
    [Fact]
    public async Task BothEndpoints_AnswerHealthz()
    {
        await using var edge = await EdgeHost.StartAsync();
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(edge.DataUrl + "/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(edge.AdminUrl + "/healthz")).StatusCode);
    }

    [Fact]
    public async Task AdminBeyondLoopbackWithoutKeys_RefusesToStartWithOneLine()
    {
        var process = HostProcess.Start(RepositoryLayout.EdgeAssembly, new Dictionary<string, string>
        {
            ["Kestrel__Endpoints__Data__Url"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Kestrel__Endpoints__Admin__Url"] = $"http://0.0.0.0:{FreePort.Next()}",
        });
        await using var _ = process;
        Assert.NotEqual(0, await process.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("not on loopback", process.Output);
        Assert.DoesNotContain("   at ", process.Output);
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("127.0.0.1", "0.0.0.0")]
    [InlineData("127.0.0.2", "127.0.0.3")]
    public async Task AdminAndDataOnOnePort_RefuseToStartWithOneLine(string adminAddress, string dataAddress)
    {
        var port = FreePort.Next();
        var process = HostProcess.Start(RepositoryLayout.EdgeAssembly, new Dictionary<string, string>
        {
            ["Kestrel__Endpoints__Data__Url"] = $"http://{dataAddress}:{port}",
            ["Kestrel__Endpoints__Admin__Url"] = $"http://{adminAddress}:{port}",
        });
        await using var _ = process;
        Assert.Equal(2, await process.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var line = Assert.Single(process.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("orleans-gateway: the admin endpoint", line);
        Assert.Contains($"share port {port}", line);
    }
}
