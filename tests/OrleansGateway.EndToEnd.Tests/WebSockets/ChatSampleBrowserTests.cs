using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>
/// The chat sample end to end: its page in Debian's headless chromium (driven by playwright-core from
/// npm through <c>WebSockets/chat-browser.mjs</c>; nothing is downloaded), the real edge, the API
/// created by <c>samples/chat/setup.sh</c>, and the sample backend joining and broadcasting through
/// the groups API with signed calls.
/// </summary>
public sealed class ChatSampleBrowserTests(ChatSampleFixture fixture, ITestOutputHelper output) : IClassFixture<ChatSampleFixture>
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task TwoPagesInOneRoom_EachSeesTheOthersMessage()
    {
        Assert.True(File.Exists(Chromium), $"Debian's chromium is not installed ({Chromium}): run `apt-get install -y chromium` (.ci/run does). This test never downloads a browser.");
        NodeScript.RequirePackage("playwright-core");
        var screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots", nameof(ChatSampleBrowserTests))).FullName;
        var room = "room-" + Guid.NewGuid().ToString("N")[..8];

        var run = await RunBrowserAsync(fixture.PageUrl, room, screenshots);

        foreach (var screenshot in run.Screenshots)
        {
            output.WriteLine($"screenshot: {screenshot}");
        }

        Assert.True(run.Failure is null, $"the browser run stopped: {run.Failure}\n{run.Raw}\nbackend:\n{fixture.Backend.Output}");
        Assert.Empty(run.Errors);
        var ann = run.Pages["ann"];
        var bob = run.Pages["bob"];
        Assert.Contains(new ChatLogLine("message", "ann", "hello from ann"), bob.Log);
        Assert.Contains(new ChatLogLine("message", "bob", "hi ann, bob here"), ann.Log);
        Assert.Contains(new ChatLogLine("joined", null, $"bob joined #{room}"), ann.Log);
        Assert.Equal($"in #{room}", ann.Status);
        Assert.Equal($"in #{room}", bob.Status);
        Assert.All(run.Screenshots, path => Assert.True(new FileInfo(path).Length > 0, $"{path} is empty"));
    }

    [Fact]
    public async Task MessageTheBackendRefuses_ComesBackToThatConnectionAlone()
    {
        await using var refused = await WsClient.ConnectAsync(fixture.WebSocketUrl);
        await using var bystander = await WsClient.ConnectAsync(fixture.WebSocketUrl);
        await bystander.SendAsync("""{"action":"join","room":"lobby","name":"carol"}""");
        Assert.Equal("joined", JsonDocument.Parse(await bystander.ReceiveAsync()).RootElement.GetProperty("type").GetString());

        await refused.SendAsync("""{"action":"join","room":"no spaces here","name":"dave"}""");

        // The backend posts to the refused connection through @connections/{id}, signed.
        var error = JsonDocument.Parse(await refused.ReceiveAsync()).RootElement;
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.StartsWith("room:", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Null(await bystander.TryReceiveAsync(TimeSpan.FromSeconds(1)));
    }

    private static async Task<ChatBrowserRun> RunBrowserAsync(string pageUrl, string room, string screenshots)
    {
        var result = await NodeScript.RunAsync("WebSockets/chat-browser.mjs", TimeSpan.FromSeconds(120), pageUrl, room, screenshots, Chromium);
        var line = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        Assert.True(line is not null && line.StartsWith('{'), $"chat-browser.mjs exited {result.ExitCode} without its report:\n{result.Stdout}\n{result.Stderr}");
        var run = JsonSerializer.Deserialize<ChatBrowserRun>(line, JsonSerializerOptions.Web)! with { Raw = line };
        Assert.True(run.Failure is not null || result.ExitCode == 0, $"chat-browser.mjs exited {result.ExitCode}: {result.Stderr}");
        return run;
    }
}
