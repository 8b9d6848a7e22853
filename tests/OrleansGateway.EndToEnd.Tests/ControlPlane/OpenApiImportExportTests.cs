using System.Net;
using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane;

/// <summary>
/// import-api, reimport-api and export-api with the AWS CLI, as in its examples
/// (awscli/examples/apigatewayv2/import-api.rst, reimport-api.rst, export-api.rst).
/// </summary>
public sealed class OpenApiImportExportTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>, IDisposable
{
    // import-api.rst's api-definition.yaml, as written (payloadFormatVersion: 2.0 is a YAML number).
    private const string LambdaDefinition = """
        openapi: 3.0.1
        info:
            title: My Lambda API
            version: v1.0
        paths:
            /hello:
                x-amazon-apigateway-any-method:
                    x-amazon-apigateway-integration:
                        payloadFormatVersion: 2.0
                        type: aws_proxy
                        httpMethod: POST
                        uri: arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:123456789012:function:hello/invocations
                        connectionType: INTERNET
        """;

    private readonly ApiGatewayV2Cli _aws = new(fixture.Edge.AdminUrl);
    private readonly string _folder = Directory.CreateTempSubdirectory("og-openapi-").FullName;

    [Fact]
    public async Task ImportApi_TheExampleDefinition_CreatesTheApiRouteAndLambdaIntegration()
    {
        var api = await _aws.JsonAsync("import-api", "--body", "file://" + Write("api-definition.yaml", LambdaDefinition));

        Assert.Equal(("My Lambda API", "v1.0", "HTTP"), (api.GetProperty("Name").GetString(), api.GetProperty("Version").GetString(), api.GetProperty("ProtocolType").GetString()));
        Assert.Equal("$request.method $request.path", api.GetProperty("RouteSelectionExpression").GetString());
        var apiId = api.GetProperty("ApiId").GetString()!;
        var route = Single(await _aws.JsonAsync("get-routes", "--api-id", apiId));
        Assert.Equal("ANY /hello", route.GetProperty("RouteKey").GetString());
        var integration = Single(await _aws.JsonAsync("get-integrations", "--api-id", apiId));
        Assert.Equal("integrations/" + integration.GetProperty("IntegrationId").GetString(), route.GetProperty("Target").GetString());
        Assert.Equal(("AWS_PROXY", "POST", "2.0", "INTERNET"), (
            integration.GetProperty("IntegrationType").GetString(), integration.GetProperty("IntegrationMethod").GetString(),
            integration.GetProperty("PayloadFormatVersion").GetString(), integration.GetProperty("ConnectionType").GetString()));
    }

    [Theory]
    [InlineData("wrong-shape.json", """{"openapi":"3.0.1","info":{"title":"t","version":"1"},"components":[1,2],"paths":{}}""")]
    [InlineData("scheme-not-object.json", """{"openapi":"3.0.1","info":{"title":"t","version":"1"},"components":{"securitySchemes":{"a":5}},"paths":{}}""")]
    [InlineData("aliases.yaml", "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths: {}\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n")]
    public async Task ImportApi_DefinitionOfTheWrongShapeOrSize_IsBadRequest(string file, string definition)
    {
        var result = await _aws.RunAsync("import-api", "--body", "file://" + Write(file, definition));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("(BadRequestException) when calling the ImportApi operation", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReimportApi_ReplacesRoutes_AndTheImportedProxyServesRequests()
    {
        var apiId = (await _aws.JsonAsync("import-api", "--body", "file://" + Write("first.yaml", LambdaDefinition))).GetProperty("ApiId").GetString()!;
        var definition = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["openapi"] = "3.0.1",
            ["info"] = new { title = "proxy", version = "2" },
            ["paths"] = new Dictionary<string, object>
            {
                ["/items/{proxy+}"] = new Dictionary<string, object>
                {
                    ["get"] = new Dictionary<string, object>
                    {
                        ["x-amazon-apigateway-integration"] = new
                        {
                            type = "http_proxy", httpMethod = "GET", uri = fixture.Backend.Url + "/{proxy}", payloadFormatVersion = "1.0", timeoutInMillis = 5000,
                        },
                    },
                },
                ["/private"] = new Dictionary<string, object>
                {
                    ["post"] = new Dictionary<string, object>
                    {
                        ["security"] = new[] { new Dictionary<string, string[]> { ["jwt"] = ["read"] } },
                        ["x-amazon-apigateway-integration"] = new { type = "http_proxy", httpMethod = "POST", uri = fixture.Backend.Url, payloadFormatVersion = "1.0" },
                    },
                },
            },
            ["components"] = new
            {
                securitySchemes = new Dictionary<string, object>
                {
                    ["jwt"] = new Dictionary<string, object>
                    {
                        ["type"] = "oauth2",
                        ["x-amazon-apigateway-authorizer"] = new
                        {
                            type = "jwt", identitySource = "$request.header.Authorization",
                            jwtConfiguration = new { issuer = "https://issuer.example", audience = new[] { "aud" } },
                        },
                    },
                },
            },
            ["x-amazon-apigateway-cors"] = new { allowOrigins = new[] { "https://app.example" }, maxAge = 60 },
        });

        var api = await _aws.JsonAsync("reimport-api", "--api-id", apiId, "--body", "file://" + Write("second.json", definition));

        Assert.Equal(("proxy", "2"), (api.GetProperty("Name").GetString(), api.GetProperty("Version").GetString()));
        Assert.Equal(60, api.GetProperty("CorsConfiguration").GetProperty("MaxAge").GetInt32());
        var routes = (await _aws.JsonAsync("get-routes", "--api-id", apiId)).GetProperty("Items").EnumerateArray().ToDictionary(r => r.GetProperty("RouteKey").GetString()!);
        Assert.Equal(["GET /items/{proxy+}", "POST /private"], routes.Keys.Order(StringComparer.Ordinal).ToList());
        Assert.Equal("NONE", routes["GET /items/{proxy+}"].GetProperty("AuthorizationType").GetString());
        var secured = routes["POST /private"];
        Assert.Equal(("JWT", "read"), (secured.GetProperty("AuthorizationType").GetString(), secured.GetProperty("AuthorizationScopes")[0].GetString()));
        var authorizer = Single(await _aws.JsonAsync("get-authorizers", "--api-id", apiId));
        Assert.Equal(secured.GetProperty("AuthorizerId").GetString(), authorizer.GetProperty("AuthorizerId").GetString());
        Assert.Equal("https://issuer.example", authorizer.GetProperty("JwtConfiguration").GetProperty("Issuer").GetString());
        var integrations = (await _aws.JsonAsync("get-integrations", "--api-id", apiId)).GetProperty("Items").EnumerateArray().ToList();
        Assert.Equal(2, integrations.Count);
        Assert.Contains(integrations, i => i.GetProperty("TimeoutInMillis").GetInt32() == 5000);

        await _aws.JsonAsync("create-stage", "--api-id", apiId, "--stage-name", "prod");
        await _aws.JsonAsync("create-deployment", "--api-id", apiId, "--stage-name", "prod");
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var served = await http.GetAsync($"{fixture.Edge.DataUrl}/_aws/execute-api/{apiId}/prod/items/a/b");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains("/a/b", await served.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ExportApi_WritesTheStagesDefinition_ThatImportsBackToTheSameRoutes()
    {
        var apiId = (await _aws.JsonAsync("import-api", "--body", "file://" + Write("source.yaml", LambdaDefinition))).GetProperty("ApiId").GetString()!;
        var integrationId = (await _aws.JsonAsync("create-integration", "--api-id", apiId, "--integration-type", "HTTP_PROXY",
            "--integration-method", "GET", "--integration-uri", fixture.Backend.Url + "/pets/{id}", "--payload-format-version", "1.0")).GetProperty("IntegrationId").GetString()!;
        await _aws.JsonAsync("create-route", "--api-id", apiId, "--route-key", "GET /pets/{id}", "--target", "integrations/" + integrationId);
        await _aws.JsonAsync("create-stage", "--api-id", apiId, "--stage-name", "prod");
        await _aws.JsonAsync("create-deployment", "--api-id", apiId, "--stage-name", "prod");
        await _aws.JsonAsync("create-route", "--api-id", apiId, "--route-key", "GET /not-deployed", "--target", "integrations/" + integrationId);

        // export-api.rst, as written: YAML of the prod stage into a file; prints nothing.
        var yamlFile = Path.Combine(_folder, "stage-definition.yaml");
        var exported = await _aws.RunAsync("export-api", "--api-id", apiId, "--output-type", "YAML", "--specification", "OAS30", "--stage-name", "prod", yamlFile);
        Assert.Equal((0, ""), (exported.ExitCode, exported.Stdout.Trim()));
        var yaml = await File.ReadAllTextAsync(yamlFile);
        Assert.Contains("openapi: 3.0.1", yaml);
        Assert.Contains("/pets/{id}:", yaml);
        Assert.Contains("payloadFormatVersion: \"2.0\"", yaml);
        Assert.DoesNotContain("/not-deployed", yaml);

        var jsonFile = Path.Combine(_folder, "api.json");
        await _aws.OkAsync("export-api", "--api-id", apiId, "--output-type", "JSON", "--specification", "OAS30", jsonFile);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(jsonFile));
        var paths = json.RootElement.GetProperty("paths");
        Assert.Equal(["/hello", "/not-deployed", "/pets/{id}"], paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList());
        Assert.Equal("id", paths.GetProperty("/pets/{id}").GetProperty("parameters")[0].GetProperty("name").GetString());

        var copyId = (await _aws.JsonAsync("import-api", "--body", "file://" + yamlFile)).GetProperty("ApiId").GetString()!;
        var copied = (await _aws.JsonAsync("get-routes", "--api-id", copyId)).GetProperty("Items").EnumerateArray()
            .Select(r => r.GetProperty("RouteKey").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["ANY /hello", "GET /pets/{id}"], copied);

        var bad = await _aws.RunAsync("export-api", "--api-id", apiId, "--output-type", "JSON", "--specification", "RAML", jsonFile);
        Assert.Contains("(BadRequestException) when calling the ExportApi operation", bad.Stderr);

        // A route without an integration is a warning, which --fail-on-warnings turns into a refusal.
        const string noIntegration = "openapi: 3.0.1\ninfo:\n  title: bare\n  version: '1'\npaths:\n  /bare:\n    get: {}\n";
        var strict = await _aws.RunAsync("import-api", "--fail-on-warnings", "--body", "file://" + Write("bare.yaml", noIntegration));
        Assert.Contains("(BadRequestException) when calling the ImportApi operation", strict.Stderr);
        var lenient = await _aws.JsonAsync("import-api", "--body", "file://" + Write("bare2.yaml", noIntegration));
        Assert.Contains("/bare", lenient.GetProperty("Warnings")[0].GetString());
    }

    [Fact]
    public async Task ReimportApi_WithARouteKeyTheEdgeWouldSkip_IsRefusedBeforeAnythingChanges()
    {
        var apiId = (await _aws.JsonAsync("import-api", "--body", "file://" + Write("kept.yaml", LambdaDefinition))).GetProperty("ApiId").GetString()!;
        const string Greedy = """
            openapi: 3.0.1
            info: {title: greedy, version: '1'}
            paths:
                /ok:
                    get:
                        x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: 'http://backend.example/ok', payloadFormatVersion: '1.0'}
                /{p+}/x:
                    get:
                        x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: 'http://backend.example/x', payloadFormatVersion: '1.0'}
            """;

        var reimported = await _aws.RunAsync("reimport-api", "--api-id", apiId, "--body", "file://" + Write("greedy.yaml", Greedy));
        var imported = await _aws.RunAsync("import-api", "--body", "file://" + Write("greedy2.yaml", Greedy));

        Assert.Contains("(BadRequestException) when calling the ReimportApi operation: Invalid route key: GET /{p+}/x.", reimported.Stderr, StringComparison.Ordinal);
        Assert.Contains("(BadRequestException) when calling the ImportApi operation: Invalid route key: GET /{p+}/x.", imported.Stderr, StringComparison.Ordinal);
        Assert.Equal("ANY /hello", Single(await _aws.JsonAsync("get-routes", "--api-id", apiId)).GetProperty("RouteKey").GetString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static JsonElement Single(JsonElement page) => Assert.Single(page.GetProperty("Items").EnumerateArray().ToList());
}
