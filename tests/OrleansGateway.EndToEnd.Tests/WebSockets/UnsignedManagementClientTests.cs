using System.Net;
using System.Text.Json;

namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>An edge without keys: the management clients call unsigned, as loopback callers; anything else is refused.</summary>
public sealed class UnsignedManagementClientTests(WebSocketEdgeFixture fixture)
    : ManagementClientTests(fixture.Edge, signed: false), IClassFixture<WebSocketEdgeFixture>
{
    [Fact]
    public async Task WithoutKeys_ANonLoopbackHostOrAWebPage_IsForbidden()
    {
        var (_, endpoint) = await WhoAmIApi.CreateAsync(new WebSocketApiCli(fixture.Edge));
        using var http = new HttpClient();

        using var foreignHost = new HttpRequestMessage(HttpMethod.Get, endpoint + "/@connections/L0SM9cOFvHcCIhw%3D");
        foreignHost.Headers.Host = "gateway.example.com";
        using var refusedHost = await http.SendAsync(foreignHost);

        using var fromPage = new HttpRequestMessage(HttpMethod.Post, endpoint + "/@connections/L0SM9cOFvHcCIhw%3D") { Content = new StringContent("hi") };
        fromPage.Headers.Add("Origin", "http://evil.example");
        using var refusedPage = await http.SendAsync(fromPage);

        foreach (var refused in new[] { refusedHost, refusedPage })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("ForbiddenException", refused.Headers.GetValues("x-amzn-ErrorType").Single());
            var message = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString();
            Assert.StartsWith("The management API has no access keys configured", message);
        }
    }

    [Fact]
    public async Task PlainHttp_MadeUpId_Is410GoneException_WithAwsErrorShape()
    {
        var (_, endpoint) = await WhoAmIApi.CreateAsync(new WebSocketApiCli(fixture.Edge));
        using var http = new HttpClient();

        using var gone = await http.PostAsync(endpoint + "/@connections/L0SM9cOFvHcCIhw%3D", new StringContent("hi"));

        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal("GoneException", gone.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.True(gone.Headers.Contains("x-amzn-RequestId"));
        Assert.Equal("The connection with the provided id no longer exists.", JsonDocument.Parse(await gone.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());
    }
}
