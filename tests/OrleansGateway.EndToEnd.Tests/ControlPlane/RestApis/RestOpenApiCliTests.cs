using System.Text.Json.Nodes;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane.RestApis;

/// <summary>import-rest-api, put-rest-api and get-export with the AWS CLI, on the README's sample definition.</summary>
public sealed class RestOpenApiCliTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>, IDisposable
{
    private const string ExtraSwagger = """
        {"swagger": "2.0", "info": {"title": "extra", "version": "2"},
         "paths": {"/extra": {"get": {"responses": {"200": {"description": "ok"}},
           "x-amazon-apigateway-integration": {"type": "mock", "requestTemplates": {"application/json": "{\"statusCode\": 200}"},
             "responses": {"default": {"statusCode": "200"}}}}}}}
        """;

    private readonly ApiGatewayCli _cli = new(fixture.Edge.AdminUrl);
    private readonly string _folder = Directory.CreateTempSubdirectory("og-rest-openapi-").FullName;

    private static string Sample => Path.Combine(RepositoryLayout.Root, "samples", "rest-api", "openapi.yaml");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ImportMergeExportYamlAndReimport_GivesBackTheSameApi()
    {
        var imported = await _cli.JsonAsync("import-rest-api", "--body", "fileb://" + Sample);
        var apiId = imported.GetProperty("id").GetString()!;
        Assert.Equal("rest-quickstart", imported.GetProperty("name").GetString());
        Assert.False(imported.TryGetProperty("warnings", out _));
        Assert.Equal(["/", "/echo", "/files", "/files/{file}", "/hello"], await PathsAsync(apiId));

        var merged = await _cli.JsonAsync("put-rest-api", "--rest-api-id", apiId, "--mode", "merge", "--body", "fileb://" + Write("extra.json", ExtraSwagger));
        Assert.Equal(apiId, merged.GetProperty("id").GetString());
        Assert.Equal(["/", "/echo", "/extra", "/files", "/files/{file}", "/hello"], await PathsAsync(apiId));

        await _cli.JsonAsync("create-deployment", "--rest-api-id", apiId, "--stage-name", "prod");
        var exportFile = Path.Combine(_folder, "out.yaml");
        var export = await _cli.JsonAsync("get-export", "--rest-api-id", apiId, "--stage-name", "prod", "--export-type", "oas30",
            "--parameters", "extensions=apigateway", "--accepts", "application/yaml", exportFile);
        Assert.Equal("application/yaml", export.GetProperty("contentType").GetString());
        Assert.StartsWith("attachment; filename=", export.GetProperty("contentDisposition").GetString(), StringComparison.Ordinal);
        var yaml = await File.ReadAllTextAsync(exportFile);
        Assert.StartsWith("openapi: 3.0.1", yaml, StringComparison.Ordinal);
        Assert.Contains("x-amazon-apigateway-integration", yaml, StringComparison.Ordinal);
        Assert.Contains($"url: http://{apiId}.execute-api.localhost:", yaml, StringComparison.Ordinal);

        var again = await _cli.JsonAsync("import-rest-api", "--body", "fileb://" + exportFile);
        var againId = again.GetProperty("id").GetString()!;
        Assert.NotEqual(apiId, againId);
        Assert.Equal("extra", again.GetProperty("name").GetString());
        Assert.True(JsonNode.DeepEquals(await DefinitionAsync(apiId), await DefinitionAsync(againId)));
        Assert.Equal(await ModelsAsync(apiId), await ModelsAsync(againId));

        var overwritten = await _cli.JsonAsync("put-rest-api", "--rest-api-id", againId, "--mode", "overwrite", "--body", "fileb://" + Write("extra2.json", ExtraSwagger));
        Assert.Equal(againId, overwritten.GetProperty("id").GetString());
        Assert.Equal(["/", "/extra"], await PathsAsync(againId));
    }

    [Fact]
    public async Task ExportOfTheDeployedStage_IsWhatWasDeployedNotWhatChangedSince()
    {
        var apiId = (await _cli.JsonAsync("import-rest-api", "--body", "fileb://" + Sample)).GetProperty("id").GetString()!;
        await _cli.JsonAsync("create-deployment", "--rest-api-id", apiId, "--stage-name", "v1");
        await _cli.JsonAsync("put-rest-api", "--rest-api-id", apiId, "--mode", "merge", "--body", "fileb://" + Write("extra.json", ExtraSwagger));

        var file = Path.Combine(_folder, "swagger.json");
        var export = await _cli.JsonAsync("get-export", "--rest-api-id", apiId, "--stage-name", "v1", "--export-type", "swagger", file);

        Assert.Equal("application/json", export.GetProperty("contentType").GetString());
        var document = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        Assert.Equal("2.0", document["swagger"]!.GetValue<string>());
        Assert.Equal("/v1", document["basePath"]!.GetValue<string>());
        Assert.Equal(["/echo", "/files/{file}", "/hello"], document["paths"]!.AsObject().Select(p => p.Key));
        Assert.DoesNotContain("x-amazon-apigateway-integration", document.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warnings_AreReturnedOrRefusedWithFailOnWarnings()
    {
        var body = Write("warned.json", """
            {"openapi": "3.0.1", "info": {"title": "warned", "version": "1"},
             "x-amazon-apigateway-documentation": {"version": "1"},
             "paths": {"/a": {"get": {"x-amazon-apigateway-integration": {"type": "mock", "unheardOf": 1}}}}}
            """);

        var error = await _cli.ErrorAsync("import-rest-api", "--fail-on-warnings", "--body", "fileb://" + body);
        Assert.Contains("BadRequestException", error, StringComparison.Ordinal);
        Assert.Contains("Warnings found during import", error, StringComparison.Ordinal);

        var imported = await _cli.JsonAsync("import-rest-api", "--body", "fileb://" + body, "--parameters", "endpointConfigurationTypes=REGIONAL");
        var warnings = imported.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.Contains("x-amazon-apigateway-documentation", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("unheardOf", StringComparison.Ordinal));
        Assert.Equal("REGIONAL", imported.GetProperty("endpointConfiguration").GetProperty("types")[0].GetString());

        var silenced = await _cli.JsonAsync("import-rest-api", "--body", "fileb://" + body, "--parameters", "ignore=documentation");
        Assert.DoesNotContain(silenced.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("documentation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DefinitionsThatAreNoApi_AreBadRequests()
    {
        Assert.Contains("BadRequestException", await _cli.ErrorAsync("import-rest-api", "--body", "fileb://" + Write("bad.yaml", "openapi: 3.0.1\ninfo: {version: '1'}\npaths: {}\n")), StringComparison.Ordinal);
        Assert.Contains("BadRequestException", await _cli.ErrorAsync("import-rest-api", "--body", "fileb://" + Write("bad2.yaml", "[1, 2")), StringComparison.Ordinal);
        Assert.Contains("NotFoundException", await _cli.ErrorAsync("put-rest-api", "--rest-api-id", "nosuchapi0", "--body", "fileb://" + Sample), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Boto3_ImportsPutsAndExports()
    {
        const string script = """
            import json, sys, boto3
            c = boto3.client("apigateway", endpoint_url=sys.argv[1], region_name="us-east-1",
                             aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret")
            body = open(sys.argv[2], "rb").read()
            api = c.import_rest_api(body=body, failOnWarnings=True)
            c.put_rest_api(restApiId=api["id"], mode="merge", body=body)
            c.create_deployment(restApiId=api["id"], stageName="prod")
            export = c.get_export(restApiId=api["id"], stageName="prod", exportType="oas30", accepts="application/json",
                                  parameters={"extensions": "integrations"})
            document = json.loads(export["body"].read())
            print(json.dumps({"status": api["ResponseMetadata"]["HTTPStatusCode"], "contentType": export["contentType"],
                              "paths": sorted(document["paths"]), "hello": document["paths"]["/hello"]["get"]["x-amazon-apigateway-integration"]["type"]}))
            """;

        var seen = await PythonScript.RunAsync(script, fixture.Edge.AdminUrl, Sample);

        Assert.Equal(201, seen.GetProperty("status").GetInt32());
        Assert.Equal("application/json", seen.GetProperty("contentType").GetString());
        Assert.Equal(["/echo", "/files/{file}", "/hello"], seen.GetProperty("paths").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("mock", seen.GetProperty("hello").GetString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<List<string>> PathsAsync(string apiId) =>
        [.. (await _cli.JsonAsync("get-resources", "--rest-api-id", apiId, "--limit", "500")).GetProperty("items").EnumerateArray()
            .Select(r => r.GetProperty("path").GetString()!).Order(StringComparer.Ordinal)];

    private async Task<List<string>> ModelsAsync(string apiId) =>
        [.. (await _cli.JsonAsync("get-models", "--rest-api-id", apiId)).GetProperty("items").EnumerateArray()
            .Select(m => m.GetProperty("name").GetString() + " " + JsonNode.Parse(m.GetProperty("schema").GetString()!)!.ToJsonString()).Order(StringComparer.Ordinal)];

    /// <summary>The API's resources with their methods as the CLI lists them, IDs removed (they differ between APIs).</summary>
    private async Task<JsonNode> DefinitionAsync(string apiId)
    {
        var resources = (await _cli.JsonAsync("get-resources", "--rest-api-id", apiId, "--embed", "methods", "--limit", "500")).GetProperty("items");
        var byPath = new JsonObject();
        foreach (var resource in resources.EnumerateArray())
        {
            var node = JsonNode.Parse(resource.GetRawText())!;
            WithoutIds(node);
            byPath[resource.GetProperty("path").GetString()!] = node;
        }

        return byPath;
    }

    private static void WithoutIds(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            foreach (var key in obj.Select(p => p.Key).Where(k => k == "id" || k.EndsWith("Id", StringComparison.Ordinal) || k == "cacheNamespace").ToList())
            {
                obj.Remove(key);
            }

            foreach (var (_, value) in obj)
            {
                WithoutIds(value);
            }
        }
    }
}
