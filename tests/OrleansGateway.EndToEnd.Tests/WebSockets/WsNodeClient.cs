using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>The <c>ws</c> npm client, driven through <c>WebSockets/ws-client.mjs</c>: one connection per run, its events as the client saw them.</summary>
internal static class WsNodeClient
{
    private static readonly JsonSerializerOptions Plan = new(JsonSerializerOptions.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Connects and runs the steps, each wait bounded by ten seconds.</summary>
    /// <param name="url">A <c>ws://</c> invoke URL.</param>
    /// <param name="steps">What the client does once the socket is open; nothing when it was refused.</param>
    /// <param name="protocols">The subprotocols offered, in order.</param>
    /// <param name="headers">Request headers, e.g. <c>Host</c> for the execute-api host name.</param>
    public static async Task<WsNodeRun> RunAsync(string url, IReadOnlyList<WsNodeStep> steps, string[]? protocols = null, Dictionary<string, string>? headers = null)
    {
        NodeScript.RequirePackage("ws");
        var plan = JsonSerializer.Serialize(new { protocols, headers, timeoutMs = 10_000, steps }, Plan);
        var result = await NodeScript.RunAsync("WebSockets/ws-client.mjs", TimeSpan.FromSeconds(60), url, plan);
        Assert.True(result.ExitCode == 0, $"ws-client.mjs exited {result.ExitCode}:\n{result.Stdout}\n{result.Stderr}");
        var events = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<WsNodeEvent>(line, JsonSerializerOptions.Web)!)
            .ToList();
        Assert.True(events is [.., { Event: "done" }], $"ws-client.mjs ended without its last line:\n{result.Stdout}\n{result.Stderr}");
        return new WsNodeRun(events, result.Stdout);
    }
}
