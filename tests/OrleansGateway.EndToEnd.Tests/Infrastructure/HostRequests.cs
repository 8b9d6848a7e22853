using System.Diagnostics;
using System.Net;

namespace OrleansGateway.EndToEnd.Tests.Infrastructure;

/// <summary>
/// GET requests to an edge's data port under a chosen <c>Host</c> (custom domain names, API hosts),
/// and a bounded wait for what a push changes: edges learn of mapping changes by a push (and a 5 s
/// revalidation).
/// </summary>
public sealed class HostRequests(string dataUrl) : IDisposable
{
    private static readonly TimeSpan PropagationLimit = TimeSpan.FromSeconds(10);

    /// <summary>The client, for requests by URL alone.</summary>
    public HttpClient Http { get; } = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    public async Task<HttpResponseMessage> SendAsync(string host, string pathAndQuery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, dataUrl + pathAndQuery);
        request.Headers.Host = host;
        return await Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> WaitForStatusAsync(string host, string path, HttpStatusCode status)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await SendAsync(host, path);
            if (response.StatusCode == status)
            {
                return response;
            }

            var seen = response.StatusCode;
            response.Dispose();
            Assert.True(clock.Elapsed < PropagationLimit, $"{host}{path} still answers {seen}, not {status}, after {clock.Elapsed}");
            await Task.Delay(200);
        }
    }

    public void Dispose() => Http.Dispose();
}
