using System.Net;
using System.Runtime.CompilerServices;
using OrleansGateway.EndToEnd.Tests.DataPlane;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.Hostile;

/// <summary>
/// A forwarded path never leaves the path the integration URI names, however the client encodes it:
/// what the backend receives on its request line is checked, not what it decoded.
/// </summary>
public sealed class PathTraversalTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>, IDisposable
{
    private static readonly ConditionalWeakTable<EmbeddedEdgeFixture, Task<string>> Apis = new();

    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });

    public void Dispose() => _http.Dispose();

    [Theory]
    [InlineData("/files/%252e%252e/admin", "/public/%252e%252e/admin")]
    [InlineData("/files/%252E%252E%252Fadmin", "/public/%252E%252E%252Fadmin")]
    [InlineData("/files/..%252f..%252fadmin", "/public/..%252f..%252fadmin")]
    [InlineData("/files/a%2Fb", "/public/a%2Fb")]
    [InlineData("/files/%25", "/public/%25")]
    [InlineData("/files/%2541dmin", "/public/%2541dmin")]
    [InlineData("/files/x/%2e%2e/y", "/public/y")]
    [InlineData("/files/..%2Fadmin", "/public/%252E%252E%2Fadmin")]
    [InlineData("/files/%2e%2e%2f%2e%2e%2fadmin", "/public/%252E%252E%2f%252E%252E%2fadmin")]
    public async Task EncodedTraversal_StaysInsideTheIntegrationPath(string requestPath, string backendTarget)
    {
        var apiId = await DeployFilesApiAsync();

        using var response = await _http.GetAsync(new Uri($"{fixture.Edge.DataUrl}/_aws/execute-api/{apiId}/prod{requestPath}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = await EchoedRequest.ReadAsync(response);
        Assert.Equal(backendTarget, echoed.RawTarget);
    }

    [Theory]
    [InlineData("/files/%2e%2e/%2e%2e/admin")]
    [InlineData("/files/../../admin")]
    [InlineData("/files/%2e%2e%2f%2e%2e%2fadmin")]
    public async Task TraversalAboveTheRoute_NeverReachesTheBackendOutsideItsBase(string requestPath)
    {
        var apiId = await DeployFilesApiAsync();

        using var response = await _http.GetAsync(new Uri($"{fixture.Edge.DataUrl}/_aws/execute-api/{apiId}/prod{requestPath}"));
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var echoed = await EchoedRequest.ReadAsync(response);
            Assert.StartsWith("/public/", echoed.RawTarget);
        }
        else
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    // One API for the whole class: the AWS CLI takes a second a call.
    private Task<string> DeployFilesApiAsync() => Apis.GetValue(fixture, _ => CreateFilesApiAsync(new HttpApiCli(fixture.Edge), fixture.Backend.Url));

    private static async Task<string> CreateFilesApiAsync(HttpApiCli cli, string backendUrl)
    {
        var apiId = await cli.CreateApiAsync();
        var integration = await cli.CreateIntegrationAsync(apiId, backendUrl + "/public/{proxy}", "--integration-method", "GET");
        await cli.CreateRouteAsync(apiId, "GET /files/{proxy+}", integration);
        await cli.CreateStageAsync(apiId, "prod");
        await cli.DeployAsync(apiId, "prod");
        return apiId;
    }
}
