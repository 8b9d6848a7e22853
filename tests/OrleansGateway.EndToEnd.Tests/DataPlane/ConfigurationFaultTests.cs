using System.Net;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.DataPlane;

/// <summary>
/// Configuration the edge cannot serve: refused by the control plane where it can be, and where it
/// is stored anyway (an integration the edge cannot call) logged once per compiled table, not per request.
/// </summary>
public sealed class ConfigurationFaultTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>, IDisposable
{
    private const string LambdaArn = "arn:aws:lambda:us-east-1:000000000000:function:f";

    private readonly HttpApiCli _cli = new(fixture.Edge);
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task RouteKeyTheEdgeWouldSkip_IsBadRequestForTheAwsCli()
    {
        var apiId = await _cli.QuickCreateAsync(fixture.Backend.Url);

        var result = await AwsCli.RunAsync(fixture.Edge.AdminUrl,
            "apigatewayv2", "create-route", "--api-id", apiId, "--route-key", "GET /{p+}/x");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(
            "(BadRequestException) when calling the CreateRoute operation: Invalid route key: GET /{p+}/x. A greedy path variable such as {p+} must be the last part of the path.",
            result.Stderr);
    }

    [Fact]
    public async Task IntegrationTheEdgeCannotCall_IsLoggedOnceWhenCompiled_NotPerRequest()
    {
        var apiId = await _cli.QuickCreateAsync(LambdaArn);
        for (var i = 0; i < 3; i++)
        {
            using var response = await _http.GetAsync($"{fixture.Edge.DataUrl}/_aws/execute-api/{apiId}/anything");
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        }

        // The console logger writes in order: once a later API's line is out, every line before it is too.
        var marker = await _cli.QuickCreateAsync(LambdaArn);
        using (await _http.GetAsync($"{fixture.Edge.DataUrl}/_aws/execute-api/{marker}/anything"))
        {
        }

        await WaitForLineAsync(marker);
        var lines = Lines(apiId);
        var line = Assert.Single(lines);
        Assert.Contains("cannot be called by the edge", line);
    }

    private string[] Lines(string apiId) =>
        [.. fixture.Edge.Process.Output.Split('\n').Where(l => l.Contains(apiId, StringComparison.Ordinal) && l.Contains("cannot be called", StringComparison.Ordinal))];

    private async Task WaitForLineAsync(string apiId)
    {
        for (var attempt = 0; attempt < 100 && Lines(apiId).Length == 0; attempt++)
        {
            await Task.Delay(50);
        }

        Assert.True(Lines(apiId).Length > 0, $"no fault logged for {apiId}:\n{fixture.Edge.Process.Output}");
    }
}
