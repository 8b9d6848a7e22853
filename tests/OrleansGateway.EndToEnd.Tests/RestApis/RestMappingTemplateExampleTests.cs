using System.Net;
using System.Text;
using OrleansGateway.EndToEnd.Tests.Infrastructure;
using static OrleansGateway.Tests.Shared.AwsMappingExamples;

namespace OrleansGateway.EndToEnd.Tests.RestApis;

/// <summary>
/// AWS's published mapping-template examples rendered through a deployed REST API, byte for byte
/// where AWS publishes the output (the same examples are checked on the engine alone in
/// ApiGatewayConformanceTests). The backend's <c>/reply</c> answers with the body it was sent, so a
/// request template's output comes back unchanged and a response template reads what the client sent.
/// </summary>
public sealed class RestMappingTemplateExampleTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>, IDisposable
{
    private readonly RestApiCli _cli = new(fixture.Edge);
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });

    public void Dispose() => _http.Dispose();

    // "Tutorial: Modify the integration request and response for integrations to AWS services": the PetStore reshape.
    [Fact]
    public async Task PetStoreResponseTemplate_ReshapesTheBackendsListAsAwsPublishes()
    {
        var url = await DeployAsync("/pets", [], ["--response-templates", Templates(PetStoreReshapeTemplate)]);
        var (status, body) = await PostAsync(url, PetStore);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(PetStoreReshaped, body);
    }

    // The news article example: AWS's input data through the output mapping template gives AWS's output data.
    [Fact]
    public async Task NewsArticleResponseTemplate_GivesAwsOutputData()
    {
        var url = await DeployAsync("/articles", [], ["--response-templates", Templates(NewsArticleTemplate)]);
        var (status, body) = await PostAsync(url, NewsArticle);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(NewsArticleTransformed, body);
    }

    // "Mapping template examples", example 3: $input.params() and $input.json('$') in a request template.
    [Fact]
    public async Task ParamsAndJsonRequestTemplate_GivesAwsOutput()
    {
        const string template = """
            {
                "name" : "$input.params('name')",
                "body" : $input.json('$')
            }
            """;
        const string aws = """
            {
                "name" : "Bella",
                "body" : {"Price":"249.99","Age":"6"}
            }
            """;

        var url = await DeployAsync("/things", ["--request-templates", Templates(template)], []);
        var (status, body) = await PostAsync(url + "?name=Bella&type=dog", """
            {
                "Price" : "249.99",
                "Age": "6"
            }
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(aws, body);
    }

    // $util.escapeJavaScript, $util.urlEncode, $util.base64Encode and $util.parseJson in one request template.
    [Fact]
    public async Task UtilFunctions_RenderThroughADeployedApi()
    {
        const string template = """
            #set($parsed = $util.parseJson($input.path('$.inner')))
            {"escaped":"$util.escapeJavaScript($input.params('q'))","url":"$util.urlEncode($input.params('q'))","b64":"$util.base64Encode('hi')","inner":"$parsed.a"}
            """;

        var url = await DeployAsync("/util", ["--request-templates", Templates(template)], []);
        var (status, body) = await PostAsync(url + "?q=" + Uri.EscapeDataString("it's \"x\" & y"), """{"inner":"{\"a\":\"deep\"}"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"escaped":"it\'s \"x\" & y","url":"it%27s+%22x%22+%26+y","b64":"aGk=","inner":"deep"}""", body);
    }

    private async Task<string> DeployAsync(string path, string[] integration, string[] response)
    {
        var (apiId, rootId) = await _cli.CreateApiAsync();
        var resource = await _cli.CreateResourcesAsync(apiId, rootId, path);
        await _cli.MethodAsync(apiId, resource, "POST", "HTTP",
            ["--integration-http-method", "POST", "--uri", fixture.Backend.Url + "/reply", .. integration], response);
        await _cli.DeployAsync(apiId, "prod");
        return $"{fixture.Edge.DataUrl}/_aws/execute-api/{apiId}/prod{path}";
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string url, string body)
    {
        using var response = await _http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Templates(string template) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["application/json"] = template });
}
