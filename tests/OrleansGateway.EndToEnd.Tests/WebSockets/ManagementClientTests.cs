using System.Net.WebSockets;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>
/// apigatewaymanagementapi through its three real clients (AWS CLI, boto3, AWS SDK for JavaScript v3),
/// pointed at a stage's base URL, against live sockets of a WebSocket API set up with the AWS CLI.
/// Run once without keys (unsigned loopback callers) and once with keys (signed).
/// </summary>
public abstract class ManagementClientTests(EdgeHost edge, bool signed)
{
    private readonly WebSocketApiCli _cli = new(edge);

    public static TheoryData<string> Clients => ["cli", "boto3", "js"];

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task Client_PostsToGetsAndDeletesALiveConnection_ThenItIsGone(string clientName)
    {
        var client = Client(clientName);
        var (apiId, endpoint) = await WhoAmIApi.CreateAsync(_cli);
        await using var socket = await WsClient.ConnectWithUserAgentAsync(_cli.StageUrl(apiId), $"test-agent/{clientName}");
        var connectionId = await WhoAmIApi.ConnectionIdOfAsync(socket);

        (await client.RunAsync(endpoint, "post", connectionId, $"hello from {clientName}")).Succeeded();
        Assert.Equal($"hello from {clientName}", await socket.ReceiveAsync());

        var described = (await client.RunAsync(endpoint, "get", connectionId)).Succeeded();
        Assert.Equal("127.0.0.1", described.GetProperty("Identity").GetProperty("SourceIp").GetString());
        Assert.Equal($"test-agent/{clientName}", described.GetProperty("Identity").GetProperty("UserAgent").GetString());
        var connectedAt = DateTimeOffset.Parse(described.GetProperty("ConnectedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var lastActiveAt = DateTimeOffset.Parse(described.GetProperty("LastActiveAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(connectedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.True(lastActiveAt >= connectedAt.AddSeconds(-1), $"lastActiveAt {lastActiveAt} before connectedAt {connectedAt}");

        (await client.RunAsync(endpoint, "delete", connectionId)).Succeeded();
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await socket.WaitForCloseAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal("GoneException", await EventuallyGoneAsync(client, endpoint, connectionId, "post"));
        Assert.Equal("GoneException", (await client.RunAsync(endpoint, "get", connectionId)).Error);
        Assert.Equal("GoneException", (await client.RunAsync(endpoint, "delete", connectionId)).Error);
    }

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task Client_MadeUpIds_AreGone_EvenWithSlashPlusAndEquals(string clientName)
    {
        var client = Client(clientName);
        var (_, endpoint) = await WhoAmIApi.CreateAsync(_cli);

        // Well-formed base64 of the right length, but not tagged with the cluster's key; the JS SDK and
        // botocore encode "/" "+" "=" in the path, so the ID arrives whole.
        foreach (var madeUp in new[] { "L0SM9c/FvH+CIhw=", "AAAAAAAAAAAAAAA=", "not-an-id" })
        {
            foreach (var operation in new[] { "post", "get", "delete" })
            {
                Assert.Equal("GoneException", (await client.RunAsync(endpoint, operation, madeUp, "x")).Error);
            }
        }
    }

    [Fact]
    public async Task PostAfterTheClientClosed_IsGone()
    {
        var client = Client("boto3");
        var (apiId, endpoint) = await WhoAmIApi.CreateAsync(_cli);
        var socket = await WsClient.ConnectAsync(_cli.StageUrl(apiId));
        var connectionId = await WhoAmIApi.ConnectionIdOfAsync(socket);

        await socket.CloseAsync();
        await socket.DisposeAsync();

        Assert.Equal("GoneException", await EventuallyGoneAsync(client, endpoint, connectionId, "post"));
    }

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task Client_PostOf128KB_Arrives_AndOneByteMore_IsPayloadTooLarge(string clientName)
    {
        var client = Client(clientName);
        var (apiId, endpoint) = await WhoAmIApi.CreateAsync(_cli);
        await using var socket = await WsClient.ConnectAsync(_cli.StageUrl(apiId));
        var connectionId = await WhoAmIApi.ConnectionIdOfAsync(socket);

        var tooLarge = await client.RunAsync(endpoint, "post", connectionId, $"repeat:{(128 * 1024) + 1}");
        (await client.RunAsync(endpoint, "post", connectionId, $"repeat:{128 * 1024}")).Succeeded();

        Assert.Equal("PayloadTooLargeException", tooLarge.Error);
        Assert.Equal(new string('x', 128 * 1024), await socket.ReceiveAsync());
    }

    protected ManagementClient Client(string name) => name switch
    {
        "cli" => ManagementClient.Cli(signed),
        "boto3" => ManagementClient.Boto3(signed),
        _ => ManagementClient.JavaScript(signed),
    };

    /// <summary>The edge lets a socket go just after its close handshake: a few tries, then the answer as it stands.</summary>
    private static async Task<string?> EventuallyGoneAsync(ManagementClient client, string endpoint, string connectionId, string operation)
    {
        ManagementAnswer answer = new(null, default);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            answer = await client.RunAsync(endpoint, operation, connectionId, "late");
            if (answer.Error is not null)
            {
                break;
            }

            await Task.Delay(100);
        }

        return answer.Error;
    }
}
