using System.Net;
using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.ControlPlane;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.DataPlane;

/// <summary>
/// REST APIs behind a custom domain name: the base path picks the API and stage (or, without a
/// stage, the next segment names it), the REST pipeline runs with the base path removed, and
/// <c>$context.domainName</c> and <c>$context.path</c> show what the client called.
/// </summary>
public sealed class RestCustomDomainNameDataPlaneTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>, IDisposable
{
    // Builds a REST API (MOCK /hello rendering $context, HTTP GET /items/{id} to the backend),
    // deploys prod and beta, and maps it on a domain name by v1 base paths and a v2 multi-level key.
    private const string Script = """
        import json, sys, boto3
        kw = dict(endpoint_url=sys.argv[1], region_name="us-east-1", aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret")
        c, v2 = boto3.client("apigateway", **kw), boto3.client("apigatewayv2", **kw)
        domain, backend = sys.argv[2], sys.argv[3]
        api = c.create_rest_api(name="domain-dp", endpointConfiguration={"types": ["REGIONAL"]})
        api_id, root = api["id"], api["rootResourceId"]
        hello = c.create_resource(restApiId=api_id, parentId=root, pathPart="hello")["id"]
        c.put_method(restApiId=api_id, resourceId=hello, httpMethod="GET", authorizationType="NONE")
        c.put_integration(restApiId=api_id, resourceId=hello, httpMethod="GET", type="MOCK", requestTemplates={"application/json": '{"statusCode": 200}'})
        c.put_method_response(restApiId=api_id, resourceId=hello, httpMethod="GET", statusCode="200")
        c.put_integration_response(restApiId=api_id, resourceId=hello, httpMethod="GET", statusCode="200", responseTemplates={"application/json":
            '{"domain":"$context.domainName","prefix":"$context.domainPrefix","path":"$context.path","stage":"$context.stage","resourcePath":"$context.resourcePath"}'})
        items = c.create_resource(restApiId=api_id, parentId=root, pathPart="items")["id"]
        item = c.create_resource(restApiId=api_id, parentId=items, pathPart="{id}")["id"]
        c.put_method(restApiId=api_id, resourceId=item, httpMethod="GET", authorizationType="NONE", requestParameters={"method.request.path.id": True})
        c.put_integration(restApiId=api_id, resourceId=item, httpMethod="GET", type="HTTP", integrationHttpMethod="GET", uri=backend + "/catalog/{id}",
            requestParameters={"integration.request.path.id": "method.request.path.id"})
        c.put_method_response(restApiId=api_id, resourceId=item, httpMethod="GET", statusCode="200")
        c.put_integration_response(restApiId=api_id, resourceId=item, httpMethod="GET", statusCode="200")
        c.create_deployment(restApiId=api_id, stageName="prod")
        c.create_deployment(restApiId=api_id, stageName="beta")
        c.create_domain_name(domainName=domain, regionalCertificateArn="arn:aws:acm:us-east-1:123456789012:certificate/abc", endpointConfiguration={"types": ["REGIONAL"]})
        c.create_base_path_mapping(domainName=domain, restApiId=api_id, stage="prod", basePath="shop")
        c.create_base_path_mapping(domainName=domain, restApiId=api_id, basePath="any")
        v2.create_api_mapping(DomainName=domain, ApiId=api_id, Stage="beta", ApiMappingKey="orders/v2")
        print(json.dumps({"apiId": api_id}))
        """;

    private readonly HostRequests _hosts = new(fixture.Edge.DataUrl);

    public void Dispose() => _hosts.Dispose();

    [Fact]
    public async Task CustomDomainName_RunsTheRestPipeline_ForTheMappedStage_WithoutTheBasePath()
    {
        const string domain = "rest.example.test";
        await PythonScript.RunAsync(Script, fixture.Edge.AdminUrl, domain, fixture.Backend.Url);

        using var hello = await _hosts.WaitForStatusAsync(domain, "/shop/hello", HttpStatusCode.OK);
        Assert.Equal("""{"domain":"rest.example.test","prefix":"rest","path":"/shop/hello","stage":"prod","resourcePath":"/hello"}""", await hello.Content.ReadAsStringAsync());

        using var item = await _hosts.SendAsync("REST.example.test:8443", "/shop/items/42?q=1");
        Assert.Equal(HttpStatusCode.OK, item.StatusCode);
        Assert.Equal("/catalog/42", (await EchoedRequest.ReadAsync(item)).Path);

        // Without a stage in the mapping, the segment after the base path names it.
        using var named = await _hosts.SendAsync(domain, "/any/beta/hello");
        Assert.Equal("beta", Rendered(await named.Content.ReadAsStringAsync(), "stage"));
        Assert.Equal("/any/beta/hello", Rendered(await named.Content.ReadAsStringAsync(), "path"));

        // A multi-level key, which only apigatewayv2's API mappings create, serves a REST API too.
        using var multi = await _hosts.SendAsync(domain, "/orders/v2/hello");
        Assert.Equal(("beta", "/orders/v2/hello"), (Rendered(await multi.Content.ReadAsStringAsync(), "stage"), Rendered(await multi.Content.ReadAsStringAsync(), "path")));

        // No mapping: AWS's 403 for a custom domain name; inside a mapping, the API's own answers.
        foreach (var path in new[] { "/", "/nothing/hello", "/shopping/hello", "/any" })
        {
            using var response = await _hosts.SendAsync(domain, path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {response.StatusCode}");
            Assert.Equal("""{"message":"Forbidden"}""", await response.Content.ReadAsStringAsync());
        }

        using var unknownResource = await _hosts.SendAsync(domain, "/shop/nope");
        Assert.Equal(HttpStatusCode.Forbidden, unknownResource.StatusCode);
        Assert.Equal("""{"message":"Missing Authentication Token"}""", await unknownResource.Content.ReadAsStringAsync());
        using var unknownStage = await _hosts.SendAsync(domain, "/any/nostage/hello");
        Assert.Equal(HttpStatusCode.Forbidden, unknownStage.StatusCode);
    }

    [Fact]
    public async Task AwsCli_CreateDomainNameAndBasePathMapping_ServesTheStage()
    {
        const string domain = "cli.example.test";
        var apiId = (await PythonScript.RunAsync(Script, fixture.Edge.AdminUrl, "built.example.test", fixture.Backend.Url)).GetProperty("apiId").GetString()!;

        var created = (await AwsCli.RunAsync(fixture.Edge.AdminUrl, "apigateway", "create-domain-name", "--domain-name", domain,
            "--certificate-arn", "arn:aws:acm:us-east-1:123456789012:certificate/abc")).Json();
        Assert.Equal(("EDGE", "AVAILABLE"), (created.GetProperty("endpointConfiguration").GetProperty("types")[0].GetString(), created.GetProperty("domainNameStatus").GetString()));
        var mapping = (await AwsCli.RunAsync(fixture.Edge.AdminUrl, "apigateway", "create-base-path-mapping", "--domain-name", domain,
            "--rest-api-id", apiId, "--stage", "prod")).Json();
        Assert.Equal("(none)", mapping.GetProperty("basePath").GetString());
        var mappings = (await AwsCli.RunAsync(fixture.Edge.AdminUrl, "apigateway", "get-base-path-mappings", "--domain-name", domain)).Json();
        Assert.Equal($$"""[{"basePath":"(none)","restApiId":"{{apiId}}","stage":"prod"}]""", mappings.GetProperty("items").GetRawText().Replace(" ", "").Replace("\n", ""));

        using var hello = await _hosts.WaitForStatusAsync(domain, "/hello", HttpStatusCode.OK);
        Assert.Equal("/hello", Rendered(await hello.Content.ReadAsStringAsync(), "path"));
    }

    private static string? Rendered(string body, string name) => JsonDocument.Parse(body).RootElement.GetProperty(name).GetString();
}
