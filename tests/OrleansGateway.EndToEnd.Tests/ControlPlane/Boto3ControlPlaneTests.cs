using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane;

/// <summary>boto3 (the Python SDK) drives the same flow as the CLI: create, read back, roll back, delete.</summary>
public sealed class Boto3ControlPlaneTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>
{
    // Prints one JSON object with what the client saw; any botocore error fails the script.
    private const string Script = """
        import json, sys, boto3
        from botocore.exceptions import ClientError
        endpoint, backend = sys.argv[1], sys.argv[2]
        c = boto3.client("apigatewayv2", endpoint_url=endpoint, region_name="us-east-1",
                         aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret")
        api = c.create_api(Name="boto", ProtocolType="HTTP", CorsConfiguration={"AllowOrigins": ["*"]})
        api_id = api["ApiId"]
        integration = c.create_integration(ApiId=api_id, IntegrationType="HTTP_PROXY", IntegrationMethod="GET",
                                           IntegrationUri=backend + "/{proxy}", PayloadFormatVersion="1.0", TimeoutInMillis=5000)
        route = c.create_route(ApiId=api_id, RouteKey="GET /b/{proxy+}", Target="integrations/" + integration["IntegrationId"])
        c.create_stage(ApiId=api_id, StageName="live", StageVariables={"v": "1"})
        first = c.create_deployment(ApiId=api_id, StageName="live")
        c.update_route(ApiId=api_id, RouteId=route["RouteId"], RouteKey="GET /c/{proxy+}")
        second = c.create_deployment(ApiId=api_id, StageName="live")
        rolled = c.update_stage(ApiId=api_id, StageName="live", DeploymentId=first["DeploymentId"])
        listed = [a["ApiId"] for a in c.get_apis()["Items"]]
        got = c.get_api(ApiId=api_id)
        c.delete_api(ApiId=api_id)
        try:
            c.get_api(ApiId=api_id)
            after_delete = None
        except ClientError as e:
            after_delete = e.response["Error"]["Code"]
        print(json.dumps({
            "apiId": api_id, "listed": api_id in listed, "created": got["CreatedDate"].isoformat(),
            "cors": got["CorsConfiguration"]["AllowOrigins"], "timeout": integration["TimeoutInMillis"],
            "first": first["DeploymentId"], "second": second["DeploymentId"], "rolledTo": rolled["DeploymentId"],
            "variables": rolled["StageVariables"], "afterDelete": after_delete}))
        """;

    // Tags, authorizers, OpenAPI import and export through boto3's own shapes (blob body, lists, maps).
    private const string MoreScript = """
        import json, sys, boto3
        from botocore.exceptions import ClientError
        endpoint = sys.argv[1]
        c = boto3.client("apigatewayv2", endpoint_url=endpoint, region_name="us-west-2",
                         aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret")
        definition = "openapi: 3.0.1\ninfo:\n  title: boto-import\n  version: v1.0\npaths:\n  /hello:\n    get:\n" \
                     "      x-amazon-apigateway-integration:\n        type: http_proxy\n        httpMethod: GET\n" \
                     "        uri: http://127.0.0.1:9/hello\n        payloadFormatVersion: '1.0'\n"
        api = c.import_api(Body=definition)
        api_id = api["ApiId"]
        arn = "arn:aws:apigateway:us-west-2::/apis/" + api_id
        c.tag_resource(ResourceArn=arn, Tags={"team": "a", "drop": "b"})
        c.untag_resource(ResourceArn=arn, TagKeys=["drop"])
        tags = c.get_tags(ResourceArn=arn)["Tags"]
        authorizer = c.create_authorizer(ApiId=api_id, AuthorizerType="JWT", Name="jwt", IdentitySource=["$request.header.Authorization"],
                                         JwtConfiguration={"Audience": ["aud"], "Issuer": "https://issuer.example"})
        listed = c.get_authorizers(ApiId=api_id)["Items"]
        exported = json.loads(c.export_api(ApiId=api_id, OutputType="JSON", Specification="OAS30")["body"].read())
        try:
            c.get_authorizer(ApiId=api_id, AuthorizerId="nosuch")
            missing = None
        except ClientError as e:
            missing = e.response["Error"]["Code"]
        print(json.dumps({"name": api["Name"], "version": api["Version"], "tags": tags,
                          "authorizer": authorizer["AuthorizerId"], "listed": [a["AuthorizerId"] for a in listed],
                          "audience": listed[0]["JwtConfiguration"]["Audience"], "paths": sorted(exported["paths"]),
                          "missing": missing}))
        """;

    [Fact]
    public async Task Boto3_TagsAuthorizersImportAndExport()
    {
        var seen = await PythonScript.RunAsync(MoreScript, fixture.Edge.AdminUrl);

        Assert.Equal(("boto-import", "v1.0"), (seen.GetProperty("name").GetString(), seen.GetProperty("version").GetString()));
        Assert.Equal(["team=a"], seen.GetProperty("tags").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}").ToList());
        Assert.Equal(seen.GetProperty("authorizer").GetString(), seen.GetProperty("listed")[0].GetString());
        Assert.Equal("aud", seen.GetProperty("audience")[0].GetString());
        Assert.Equal("/hello", Assert.Single(seen.GetProperty("paths").EnumerateArray()).GetString());
        Assert.Equal("NotFoundException", seen.GetProperty("missing").GetString());
    }

    [Fact]
    public async Task Boto3_CreatesReadsRollsBackAndDeletes()
    {
        var seen = await PythonScript.RunAsync(Script, fixture.Edge.AdminUrl, fixture.Backend.Url);
        Assert.Matches("^[a-z0-9]{10}$", seen.GetProperty("apiId").GetString());
        Assert.True(seen.GetProperty("listed").GetBoolean());
        Assert.True(DateTimeOffset.Parse(seen.GetProperty("created").GetString()!) > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal("*", seen.GetProperty("cors")[0].GetString());
        Assert.Equal(5000, seen.GetProperty("timeout").GetInt32());
        Assert.NotEqual(seen.GetProperty("first").GetString(), seen.GetProperty("second").GetString());
        Assert.Equal(seen.GetProperty("first").GetString(), seen.GetProperty("rolledTo").GetString());
        Assert.Equal("1", seen.GetProperty("variables").GetProperty("v").GetString());
        Assert.Equal("NotFoundException", seen.GetProperty("afterDelete").GetString());
    }
}
