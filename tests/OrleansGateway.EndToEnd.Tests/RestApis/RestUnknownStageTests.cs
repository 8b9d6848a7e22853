namespace OrleansGateway.EndToEnd.Tests.RestApis;

/// <summary>
/// A client-chosen stage name costs no grain activation: the edge knows each REST API's stages,
/// answers any other name (or one AWS would never accept) 403 Forbidden as AWS does, and serves a
/// stage created later as soon as its deployment is pushed. The edge logs every REST stage grain
/// activation at Debug; the test counts those lines.
/// </summary>
public sealed class RestUnknownStageTests(StageActivationLogEdgeFixture fixture) : IClassFixture<StageActivationLogEdgeFixture>, IDisposable
{
    private readonly RestAdmin _admin = new(fixture.Edge.AdminUrl);
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });

    public void Dispose()
    {
        _admin.Dispose();
        _http.Dispose();
    }

    [Fact]
    public async Task MadeUpStageNames_Answer403Forbidden_OnEveryInvokeUrlForm_AndActivateNoStageGrain()
    {
        var apiId = await DeployedApiAsync("prod");
        Assert.Equal(200, (await GetAsync($"/_aws/execute-api/{apiId}/prod/hello")).Status);

        for (var i = 0; i < 300; i++)
        {
            var stage = $"madeup{i}";
            var url = (i % 3) switch
            {
                0 => $"/_aws/execute-api/{apiId}/{stage}/hello",
                1 => $"/restapis/{apiId}/{stage}/_user_request_/hello",
                _ => $"/{stage}/hello",
            };
            var (status, body, errorType) = await GetAsync(url, host: i % 3 == 2 ? $"{apiId}.execute-api.localhost" : null);
            Assert.Equal(403, status);
            Assert.Equal("""{"message":"Forbidden"}""", body);
            Assert.Equal("ForbiddenException", errorType);
        }

        foreach (var malformed in new[] { "with%20space", "dot.dot", "%C3%A9t%C3%A9", new string('a', 129) })
        {
            Assert.Equal(403, (await GetAsync($"/_aws/execute-api/{apiId}/{malformed}/hello")).Status);
        }

        var activations = fixture.Edge.Process.Output.Split('\n')
            .Where(line => line.Contains(StageActivationLogEdgeFixture.ActivationLine + apiId + "/", StringComparison.Ordinal))
            .ToList();
        Assert.True(activations.Count == 1 && activations[0].Contains($"{apiId}/prod", StringComparison.Ordinal), string.Join('\n', activations));
    }

    [Fact]
    public async Task StageCreatedLater_IsServedRightAfterItsDeployment()
    {
        var apiId = await DeployedApiAsync("prod");
        Assert.Equal(403, (await GetAsync($"/_aws/execute-api/{apiId}/beta/hello")).Status);

        await _admin.DeployAsync(apiId, "beta");

        Assert.Equal(200, (await GetAsync($"/_aws/execute-api/{apiId}/beta/hello")).Status);
    }

    private async Task<string> DeployedApiAsync(string stage)
    {
        var (apiId, rootId) = await _admin.CreateApiAsync(new { name = "unknown-stages" });
        var hello = await _admin.CreateResourceAsync(apiId, rootId, "hello");
        await _admin.MethodAsync(apiId, hello, "GET",
            new { type = "MOCK", requestTemplates = new Dictionary<string, string> { ["application/json"] = """{"statusCode": 200}""" } },
            new { responseTemplates = new Dictionary<string, string> { ["application/json"] = """{"stage":"$context.stage"}""" } });
        await _admin.DeployAsync(apiId, stage);
        return apiId;
    }

    private async Task<(int Status, string Body, string? ErrorType)> GetAsync(string path, string? host = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, fixture.Edge.DataUrl + path);
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        using var response = await _http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(),
            response.Headers.TryGetValues("x-amzn-ErrorType", out var types) ? types.Single() : null);
    }
}
