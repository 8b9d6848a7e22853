using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansGateway.Errors;
using OrleansGateway.OpenApi;
using OrleansGateway.OpenApi.RestApis;
using OrleansGateway.RestApis;

namespace OrleansGateway.Core.Tests.OpenApi;

public sealed class RestOpenApiTests
{
    private static int _ids;

    private static RestImport Import(string text, RestImportOptions? options = null) =>
        RestOpenApiImporter.Read(OpenApiText.Parse(text), options ?? new RestImportOptions { NewId = () => $"id{Interlocked.Increment(ref _ids)}" });

    private static string Export(RestApiContent content, string exportType, bool yaml, params string[] extensions) =>
        OpenApiText.Write(
            RestOpenApiExporter.Write(content, new RestExportOptions
            {
                ExportType = exportType,
                Extensions = extensions.ToHashSet(),
                ServerUrl = "http://abc123.execute-api.localhost:8080",
                StageName = "prod",
            }),
            yaml);

    [Fact]
    public void Oas3Yaml_BecomesResourceTreeWithMethodsModelsAndIntegrations()
    {
        var (content, warnings) = Import(RestOpenApiDocuments.PetStoreOas3Yaml);

        Assert.Empty(warnings);
        Assert.Equal("PetStore", content.Api.Name);
        Assert.Equal(["image/png", "application/octet-stream"], content.Api.BinaryMediaTypes);
        Assert.Equal(1024, content.Api.MinimumCompressionSize);
        Assert.Equal("HEADER", content.Api.ApiKeySource);
        Assert.Contains("execute-api:Invoke", content.Api.Policy, StringComparison.Ordinal);
        Assert.Equal(["/", "/pets", "/pets/{petId}", "/proxy", "/proxy/{proxy+}"], content.Resources.Select(r => r.Path));
        Assert.Null(content.Resources.Single(r => r.Path == "/proxy").ResourceMethods);

        var pets = content.Resources.Single(r => r.Path == "/pets").ResourceMethods!;
        Assert.Equal(["GET", "OPTIONS", "POST"], pets.Keys.Order(StringComparer.Ordinal));
        var list = pets["GET"];
        Assert.Equal("ListPets", list.OperationName);
        Assert.Equal(new Dictionary<string, bool> { ["method.request.querystring.type"] = false, ["method.request.querystring.page"] = true }, list.RequestParameters);
        Assert.Equal("Pets", list.MethodResponses!["200"].ResponseModels!["application/json"]);
        Assert.False(list.MethodResponses!["200"].ResponseParameters!["method.response.header.Access-Control-Allow-Origin"]);
        Assert.Equal(content.RequestValidators.Single(v => v.Name == "params-only").Id, list.RequestValidatorId);
        var listIntegration = list.MethodIntegration!;
        Assert.Equal(("HTTP", "GET", "WHEN_NO_MATCH", 10000), (listIntegration.Type, listIntegration.HttpMethod, listIntegration.PassthroughBehavior, listIntegration.TimeoutInMillis));
        Assert.Equal("method.request.querystring.page", listIntegration.RequestParameters!["integration.request.querystring.page"]);
        Assert.Equal(["method.request.querystring.page"], listIntegration.CacheKeyParameters);
        Assert.Equal("pets", listIntegration.CacheNamespace);

        var create = pets["POST"];
        Assert.True(create.ApiKeyRequired);
        Assert.Equal("NONE", create.AuthorizationType);
        Assert.Equal("NewPet", create.RequestModels!["application/json"]);
        Assert.Equal("CONVERT_TO_TEXT", create.MethodIntegration!.ContentHandling);
        var badPet = create.MethodIntegration.IntegrationResponses!["400"];
        Assert.Equal(@"4\d{2}", badPet.SelectionPattern);
        Assert.Equal("{\"message\": \"bad pet\"}", badPet.ResponseTemplates!["application/json"]);
        Assert.Null(create.MethodIntegration.IntegrationResponses["200"].SelectionPattern);

        var get = content.Resources.Single(r => r.Path == "/pets/{petId}").ResourceMethods!["GET"];
        Assert.True(get.RequestParameters!["method.request.path.petId"]);
        var authorizer = content.Authorizers.Single();
        Assert.Equal(("tokenAuth", "TOKEN", "method.request.header.Authorization", 300), (authorizer.Name, authorizer.Type, authorizer.IdentitySource, authorizer.AuthorizerResultTtlInSeconds));
        Assert.Equal(("CUSTOM", authorizer.Id), (get.AuthorizationType, get.AuthorizerId));

        var any = content.Resources.Single(r => r.Path == "/proxy/{proxy+}").ResourceMethods!["ANY"];
        Assert.Equal(("HTTP_PROXY", "ANY", "INTERNET"), (any.MethodIntegration!.Type, any.MethodIntegration.HttpMethod, any.MethodIntegration.ConnectionType));
        Assert.True(any.MethodIntegration.TlsConfig!.InsecureSkipVerification);

        var root = content.Resources.Single(r => r.Path == "/").ResourceMethods!["GET"].MethodIntegration!;
        Assert.Equal("MOCK", root.Type);
        Assert.Equal("'text/html'", root.IntegrationResponses!["200"].ResponseParameters!["method.response.header.Content-Type"]);

        var notFound = content.GatewayResponses.Single(r => r.ResponseType == "MISSING_AUTHENTICATION_TOKEN");
        Assert.Equal("404", notFound.StatusCode);
        Assert.Equal(["Error", "NewPet", "NewPetResponse", "Pet", "Pets"], content.Models.Select(m => m.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ModelReferences_ResolveToApiGatewayModelUris()
    {
        var (content, _) = Import(RestOpenApiDocuments.PetStoreOas3Yaml);

        var pets = JsonNode.Parse(content.Models.Single(m => m.Name == "Pets").Schema!)!;
        Assert.Equal("http://json-schema.org/draft-04/schema#", pets["$schema"]!.GetValue<string>());
        var reference = pets["items"]!["$ref"]!.GetValue<string>();
        Assert.Equal("https://apigateway.amazonaws.com/restapis/a1/models/Pet", new Uri(new Uri("https://apigateway.amazonaws.com/restapis/a1/models/Pets"), reference).AbsoluteUri);
    }

    [Theory]
    [InlineData("oas30", false)]
    [InlineData("oas30", true)]
    [InlineData("swagger", false)]
    [InlineData("swagger", true)]
    public void ExportThenImport_GivesBackTheSameApi(string exportType, bool yaml)
    {
        var (original, _) = Import(RestOpenApiDocuments.PetStoreOas3Yaml);

        var exported = Export(original, exportType, yaml, "apigateway");
        var (reimported, warnings) = Import(exported);

        Assert.Empty(warnings);
        Assert.True(JsonNode.DeepEquals(Normalized(original), Normalized(reimported)), exported);
    }

    [Fact]
    public void Swagger2Json_ImportsBodyModelsIamAndWarnsOfWhatItCannotImport()
    {
        var (content, warnings) = Import(RestOpenApiDocuments.PetStoreSwaggerJson);

        var post = content.Resources.Single(r => r.Path == "/pets").ResourceMethods!["POST"];
        Assert.Equal("AWS_IAM", post.AuthorizationType);
        Assert.Equal("NewPet", post.RequestModels!["application/json"]);
        Assert.Equal("Pet", post.MethodResponses!["200"].ResponseModels!["application/json"]);
        Assert.False(post.RequestParameters!["method.request.header.X-Trace"]);
        Assert.Contains(warnings, w => w.Contains(OpenApiExtensions.Documentation, StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("x-amazon-apigateway-unknown-thing", StringComparison.Ordinal));
        Assert.Equal("NewPet", JsonNode.Parse(content.Models.Single(m => m.Name == "Pet").Schema!)!["properties"]!["owner"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public void IgnoreDocumentation_SilencesItsWarning()
    {
        var (_, warnings) = Import(RestOpenApiDocuments.PetStoreSwaggerJson, new RestImportOptions { NewId = () => "x", IgnoreDocumentation = true });

        Assert.DoesNotContain(warnings, w => w.Contains(OpenApiExtensions.Documentation, StringComparison.Ordinal));
    }

    [Fact]
    public void BasePathPrepend_PutsTheBasePathInFrontOfEveryPath()
    {
        var (content, _) = Import(RestOpenApiDocuments.PetStoreSwaggerJson, new RestImportOptions { NewId = () => "x", BasePath = "prepend" });

        Assert.Equal(["/v1", "/v1/pets"], content.Resources.Select(r => r.Path));
    }

    [Fact]
    public void BasePathSplit_PutsTheBasePathWithoutItsFirstSegmentInFront()
    {
        var document = RestOpenApiDocuments.PetStoreSwaggerJson.Replace("\"basePath\": \"/v1\"", "\"basePath\": \"/v1/store\"", StringComparison.Ordinal);

        var (content, _) = Import(document, new RestImportOptions { NewId = () => "x", BasePath = "split" });

        Assert.Equal(["/store", "/store/pets"], content.Resources.Select(r => r.Path));
    }

    [Fact]
    public void UnsupportedIntegrationMembersAndSchemes_AreWarnings()
    {
        const string document = """
            {"openapi":"3.0.1","info":{"title":"t","version":"1"},
             "components":{"securitySchemes":{"oauth":{"type":"oauth2","flows":{}}}},
             "paths":{"/a":{"get":{"security":[{"oauth":[]}],"x-amazon-apigateway-integration":{"type":"mock","frobnicate":1,"payloadFormatVersion":"2.0"},"x-amazon-apigateway-what":1},
                            "trace":{}}}}
            """;

        var (content, warnings) = Import(document);

        Assert.Equal("MOCK", content.Resources.Single(r => r.Path == "/a").ResourceMethods!["GET"].MethodIntegration!.Type);
        Assert.Contains(warnings, w => w.Contains("frobnicate", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("payloadFormatVersion", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("x-amazon-apigateway-what", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("oauth", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("TRACE", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"openapi":"3.1.0","info":{"title":"t"},"paths":{}}""")]
    [InlineData("""{"swagger":"1.2","info":{"title":"t"},"paths":{}}""")]
    [InlineData("""{"openapi":"3.0.1","info":{"version":"1"},"paths":{}}""")]
    [InlineData("""{"openapi":"3.0.1","info":{"title":"t"},"paths":{"/a b":{}}}""")]
    public void DocumentsThatAreNoRestApi_AreBadRequests(string document)
    {
        var error = Assert.Throws<ApiGatewayException>(() => Import(document));

        Assert.Equal(400, error.StatusCode);
    }

    [Fact]
    public void ExportWithoutExtensions_WritesPlainOpenApi()
    {
        var (content, _) = Import(RestOpenApiDocuments.PetStoreOas3Yaml);

        var document = JsonNode.Parse(Export(content, "oas30", yaml: false))!;

        Assert.DoesNotContain(OpenApiExtensions.Integration, document.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(OpenApiExtensions.GatewayResponses, document.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("http://abc123.execute-api.localhost:8080/{basePath}", document["servers"]![0]!["url"]!.GetValue<string>());
        Assert.Equal("prod", document["servers"]![0]!["variables"]!["basePath"]!["default"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/Pets", document["paths"]!["/pets"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public void SwaggerExport_WritesHostBasePathAndDefinitions()
    {
        var (content, _) = Import(RestOpenApiDocuments.PetStoreOas3Yaml);

        var document = JsonNode.Parse(Export(content, "swagger", yaml: false, "integrations"))!;

        Assert.Equal(("2.0", "abc123.execute-api.localhost:8080", "/prod"), (document["swagger"]!.GetValue<string>(), document["host"]!.GetValue<string>(), document["basePath"]!.GetValue<string>()));
        Assert.Equal("#/definitions/Pet", document["definitions"]!["Pets"]!["items"]!["$ref"]!.GetValue<string>());
        Assert.NotNull(document["paths"]!["/pets"]!["get"]![OpenApiExtensions.Integration]);
        Assert.Null(document["paths"]!["/pets"]!["get"]![OpenApiExtensions.RequestValidator]);
    }

    /// <summary>The content with IDs replaced by the names they stand for, lists in name order: what must survive a round trip.</summary>
    private static JsonNode Normalized(RestApiContent content)
    {
        var validators = content.RequestValidators.ToDictionary(v => v.Id, v => v.Name!);
        var authorizers = content.Authorizers.ToDictionary(a => a.Id, a => a.Name);
        var normalized = content with
        {
            Api = content.Api with { Version = content.Api.Version },
            Resources = [.. content.Resources.Select(r => r with
            {
                ResourceMethods = r.ResourceMethods?.ToDictionary(m => m.Key, m => m.Value with
                {
                    RequestValidatorId = m.Value.RequestValidatorId is { } v ? validators[v] : null,
                    AuthorizerId = m.Value.AuthorizerId is { } a ? authorizers[a] : null,
                }),
            })],
            Models = [.. content.Models.Select(m => m with { Id = string.Empty }).OrderBy(m => m.Name, StringComparer.Ordinal)],
            RequestValidators = [.. content.RequestValidators.Select(v => v with { Id = string.Empty }).OrderBy(v => v.Name, StringComparer.Ordinal)],
            Authorizers = [.. content.Authorizers.Select(a => a with { Id = string.Empty }).OrderBy(a => a.Name, StringComparer.Ordinal)],
            GatewayResponses = [.. content.GatewayResponses.OrderBy(g => g.ResponseType, StringComparer.Ordinal)],
        };
        return JsonSerializer.SerializeToNode(normalized)!;
    }
}
