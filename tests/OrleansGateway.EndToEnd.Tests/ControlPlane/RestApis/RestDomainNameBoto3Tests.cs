using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane.RestApis;

/// <summary>
/// boto3's apigateway client on custom domain names, base path mappings and VPC links: v1 shapes,
/// paging, patches and AWS's errors, and the one domain name seen by both APIs.
/// </summary>
public sealed class RestDomainNameBoto3Tests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>
{
    private const string Certificate = "arn:aws:acm:us-east-1:123456789012:certificate/fb1b9770-a305-495d-aefb-27e5e101ff3";

    // Prints one JSON object with what the clients saw; any unexpected botocore error fails the script.
    private const string Script = """
        import json, sys, boto3
        from botocore.exceptions import ClientError
        kw = dict(endpoint_url=sys.argv[1], region_name="us-east-1", aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret")
        c, v2 = boto3.client("apigateway", **kw), boto3.client("apigatewayv2", **kw)
        cert = sys.argv[2]
        def error(call, **kwargs):
            try:
                call(**kwargs)
                return None
            except ClientError as e:
                return [e.response["ResponseMetadata"]["HTTPStatusCode"], e.response["Error"]["Code"], e.response["Error"]["Message"]]
        def plain(d):
            d = dict(d); d.pop("ResponseMetadata", None)
            if "certificateUploadDate" in d: d["certificateUploadDate"] = d["certificateUploadDate"].year
            return d
        edge = plain(c.create_domain_name(domainName="edge.boto.test", certificateName="edge cert", certificateArn=cert, tags={"team": "a"}))
        regional = plain(c.create_domain_name(domainName="regional.boto.test", regionalCertificateArn=cert,
                                              endpointConfiguration={"types": ["REGIONAL"]}, securityPolicy="TLS_1_2"))
        listed = sorted(d["domainName"] for d in c.get_domain_names(limit=500)["items"])
        listed_v2 = sorted(d["DomainName"] for d in v2.get_domain_names()["Items"])
        patched = plain(c.update_domain_name(domainName="edge.boto.test", patchOperations=[
            {"op": "replace", "path": "/securityPolicy", "value": "TLS_1_0"}, {"op": "replace", "path": "/certificateName", "value": "renamed"}]))
        domain_arn = "arn:aws:apigateway:us-east-1::/domainnames/edge.boto.test"
        c.tag_resource(resourceArn=domain_arn, tags={"env": "dev", "team": "b"})
        c.untag_resource(resourceArn=domain_arn, tagKeys=["env"])
        domain_tags = [c.get_tags(resourceArn=domain_arn)["tags"], c.get_domain_name(domainName="edge.boto.test")["tags"]]
        api = c.create_rest_api(name="mapped")
        c.put_method(restApiId=api["id"], resourceId=api["rootResourceId"], httpMethod="GET", authorizationType="NONE")
        c.put_integration(restApiId=api["id"], resourceId=api["rootResourceId"], httpMethod="GET", type="MOCK")
        c.create_deployment(restApiId=api["id"], stageName="prod")
        c.create_deployment(restApiId=api["id"], stageName="dev")
        root = c.create_base_path_mapping(domainName="edge.boto.test", restApiId=api["id"], stage="prod")
        v1 = c.create_base_path_mapping(domainName="edge.boto.test", restApiId=api["id"], stage="dev", basePath="v1")
        nostage = c.create_base_path_mapping(domainName="edge.boto.test", restApiId=api["id"], basePath="any")
        first = c.get_base_path_mappings(domainName="edge.boto.test", limit=2)
        rest = c.get_base_path_mappings(domainName="edge.boto.test", limit=2, position=first["position"])
        got_root = c.get_base_path_mapping(domainName="edge.boto.test", basePath="(none)")
        v2_keys = sorted(m["ApiMappingKey"] for m in v2.get_api_mappings(DomainName="edge.boto.test")["Items"])
        moved = c.update_base_path_mapping(domainName="edge.boto.test", basePath="v1", patchOperations=[
            {"op": "replace", "path": "/basePath", "value": "v2"}, {"op": "replace", "path": "/stage", "value": "prod"}])
        errors = {
            "duplicateDomain": error(c.create_domain_name, domainName="edge.boto.test", certificateArn=cert),
            "privateDomain": error(c.create_domain_name, domainName="private.boto.test", certificateArn=cert, endpointConfiguration={"types": ["PRIVATE"]}),
            "missingDomain": error(c.get_domain_name, domainName="nobody.boto.test"),
            "unknownApi": error(c.create_base_path_mapping, domainName="edge.boto.test", restApiId="nope000000", basePath="x"),
            "unknownStage": error(c.create_base_path_mapping, domainName="edge.boto.test", restApiId=api["id"], stage="nope", basePath="x"),
            "slash": error(c.create_base_path_mapping, domainName="edge.boto.test", restApiId=api["id"], stage="prod", basePath="a/b"),
            "taken": error(c.create_base_path_mapping, domainName="edge.boto.test", restApiId=api["id"], stage="prod", basePath="v2"),
            "missingMapping": error(c.get_base_path_mapping, domainName="edge.boto.test", basePath="v1"),
            "unknownDomainTags": error(c.get_tags, resourceArn="arn:aws:apigateway:us-east-1::/domainnames/nobody.boto.test"),
            "badPatch": error(c.update_base_path_mapping, domainName="edge.boto.test", basePath="v2", patchOperations=[{"op": "add", "path": "/stage", "value": "dev"}]),
        }
        c.delete_base_path_mapping(domainName="edge.boto.test", basePath="v2")
        after_delete = sorted(m["basePath"] for m in c.get_base_path_mappings(domainName="edge.boto.test")["items"])
        c.delete_domain_name(domainName="regional.boto.test")
        errors["deletedDomain"] = error(v2.get_domain_name, DomainName="regional.boto.test")

        link = c.create_vpc_link(name="nlb", description="d", targetArns=["arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/my-lb/1"])
        link_status = link["ResponseMetadata"]["HTTPStatusCode"]
        link = plain(link)
        renamed = plain(c.update_vpc_link(vpcLinkId=link["id"], patchOperations=[{"op": "replace", "path": "/name", "value": "my-vpc-link"}]))
        arn = "arn:aws:apigateway:us-east-1::/vpclinks/" + link["id"]
        c.tag_resource(resourceArn=arn, tags={"env": "dev"})
        tags = c.get_tags(resourceArn=arn)["tags"]
        links = [l["id"] for l in c.get_vpc_links()["items"]]
        errors["vpcLinkIntegration"] = error(c.put_integration, restApiId=api["id"], resourceId=api["rootResourceId"], httpMethod="GET",
            type="HTTP_PROXY", integrationHttpMethod="GET", uri="http://nlb.internal/", connectionType="VPC_LINK", connectionId=link["id"])
        c.delete_vpc_link(vpcLinkId=link["id"])
        errors["deletedLink"] = error(c.get_vpc_link, vpcLinkId=link["id"])
        print(json.dumps({
            "edge": edge, "regional": regional, "listed": listed, "listedV2": listed_v2, "patched": patched,
            "root": plain(root), "v1": plain(v1), "nostage": plain(nostage),
            "first": [m["basePath"] for m in first["items"]], "rest": [m["basePath"] for m in rest["items"]], "restHasPosition": "position" in rest,
            "gotRoot": plain(got_root), "v2Keys": v2_keys, "moved": plain(moved), "afterDelete": after_delete, "errors": errors,
            "domainTags": domain_tags, "link": link, "linkStatus": link_status, "renamed": renamed, "tags": tags, "links": links}, separators=(",", ":")))
        """;

    [Fact]
    public async Task Boto3_DomainNamesBasePathMappingsAndVpcLinks_InAwsShapes()
    {
        var seen = await PythonScript.RunAsync(Script, fixture.Edge.AdminUrl, Certificate);

        var edge = seen.GetProperty("edge");
        Assert.Equal(("edge.boto.test", "edge cert", Certificate), (Text(edge, "domainName"), Text(edge, "certificateName"), Text(edge, "certificateArn")));
        Assert.Equal(("Z2FDTNDATAQYW2", "AVAILABLE", "TLS_1_2"), (Text(edge, "distributionHostedZoneId"), Text(edge, "domainNameStatus"), Text(edge, "securityPolicy")));
        Assert.EndsWith(".cloudfront.localhost", Text(edge, "distributionDomainName"));
        Assert.Equal("""{"types":["EDGE"]}""", edge.GetProperty("endpointConfiguration").GetRawText());
        Assert.Equal("""{"team":"a"}""", edge.GetProperty("tags").GetRawText());
        Assert.True(edge.GetProperty("certificateUploadDate").GetInt32() >= 2024);
        Assert.False(edge.TryGetProperty("regionalDomainName", out _));

        var regional = seen.GetProperty("regional");
        Assert.StartsWith("d-", Text(regional, "regionalDomainName"));
        Assert.Equal((Certificate, "Z1UJRXOUMOOFQ8"), (Text(regional, "regionalCertificateArn"), Text(regional, "regionalHostedZoneId")));
        Assert.False(regional.TryGetProperty("distributionDomainName", out _));
        Assert.Equal("""["edge.boto.test","regional.boto.test"]""", Filtered(seen.GetProperty("listed")));
        Assert.Equal("""["edge.boto.test","regional.boto.test"]""", Filtered(seen.GetProperty("listedV2")));
        Assert.Equal(("TLS_1_0", "renamed"), (Text(seen.GetProperty("patched"), "securityPolicy"), Text(seen.GetProperty("patched"), "certificateName")));

        Assert.Equal(("(none)", "prod"), (Text(seen.GetProperty("root"), "basePath"), Text(seen.GetProperty("root"), "stage")));
        Assert.Equal(("v1", "dev"), (Text(seen.GetProperty("v1"), "basePath"), Text(seen.GetProperty("v1"), "stage")));
        Assert.False(seen.GetProperty("nostage").TryGetProperty("stage", out _));
        Assert.Equal("""["(none)","any"]""", seen.GetProperty("first").GetRawText());
        Assert.Equal("""["v1"]""", seen.GetProperty("rest").GetRawText());
        Assert.False(seen.GetProperty("restHasPosition").GetBoolean());
        Assert.Equal("prod", Text(seen.GetProperty("gotRoot"), "stage"));
        Assert.Equal("""["","any","v1"]""", seen.GetProperty("v2Keys").GetRawText());
        Assert.Equal(("v2", "prod"), (Text(seen.GetProperty("moved"), "basePath"), Text(seen.GetProperty("moved"), "stage")));
        Assert.Equal("""["(none)","any"]""", seen.GetProperty("afterDelete").GetRawText());

        var errors = seen.GetProperty("errors");
        Assert.Equal("ConflictException", Error(errors, "duplicateDomain").Code);
        Assert.Equal("BadRequestException", Error(errors, "privateDomain").Code);
        Assert.Equal((404, "NotFoundException"), (Error(errors, "missingDomain").Status, Error(errors, "missingDomain").Code));
        Assert.Equal((400, "Invalid REST API identifier specified"), (Error(errors, "unknownApi").Status, Error(errors, "unknownApi").Message));
        Assert.Equal((400, "Invalid stage identifier specified"), (Error(errors, "unknownStage").Status, Error(errors, "unknownStage").Message));
        Assert.StartsWith("API Gateway V1 doesn't support the slash character (/) in base path mappings", Error(errors, "slash").Message);
        Assert.Equal((409, "Base path already exists for this domain name"), (Error(errors, "taken").Status, Error(errors, "taken").Message));
        Assert.Equal((404, "Invalid base path mapping identifier specified"), (Error(errors, "missingMapping").Status, Error(errors, "missingMapping").Message));
        Assert.Equal(400, Error(errors, "badPatch").Status);
        Assert.Equal("""[{"team":"b"},{"team":"b"}]""", seen.GetProperty("domainTags").GetRawText());
        Assert.Equal((404, "NotFoundException"), (Error(errors, "unknownDomainTags").Status, Error(errors, "unknownDomainTags").Code));
        Assert.Equal(404, Error(errors, "deletedDomain").Status);

        var link = seen.GetProperty("link");
        Assert.Equal(202, seen.GetProperty("linkStatus").GetInt32());
        Assert.Equal(("nlb", "d", "AVAILABLE", "Your vpc link is ready for use"), (Text(link, "name"), Text(link, "description"), Text(link, "status"), Text(link, "statusMessage")));
        Assert.Equal("my-vpc-link", Text(seen.GetProperty("renamed"), "name"));
        Assert.Equal("""{"env":"dev"}""", seen.GetProperty("tags").GetRawText());
        Assert.Contains(seen.GetProperty("links").EnumerateArray(), id => id.GetString() == Text(link, "id"));
        Assert.Equal((400, "BadRequestException"), (Error(errors, "vpcLinkIntegration").Status, Error(errors, "vpcLinkIntegration").Code));
        Assert.Equal((404, "Invalid VPC link identifier specified"), (Error(errors, "deletedLink").Status, Error(errors, "deletedLink").Message));
    }

    // A mapped REST API, REST stage or HTTP API cannot be deleted; once its mappings are gone it can.
    private const string DeleteGuardScript = """
        import json, sys, boto3
        from botocore.exceptions import ClientError
        kw = dict(endpoint_url=sys.argv[1], region_name="us-east-1", aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret")
        c, v2 = boto3.client("apigateway", **kw), boto3.client("apigatewayv2", **kw)
        def error(call, **kwargs):
            try:
                call(**kwargs)
                return None
            except ClientError as e:
                return [e.response["ResponseMetadata"]["HTTPStatusCode"], e.response["Error"]["Code"], e.response["Error"]["Message"]]
        c.create_domain_name(domainName="guard.delete.test", regionalCertificateArn=sys.argv[2], endpointConfiguration={"types": ["REGIONAL"]})
        api = c.create_rest_api(name="guarded")
        c.put_method(restApiId=api["id"], resourceId=api["rootResourceId"], httpMethod="GET", authorizationType="NONE")
        c.put_integration(restApiId=api["id"], resourceId=api["rootResourceId"], httpMethod="GET", type="MOCK")
        c.create_deployment(restApiId=api["id"], stageName="prod")
        c.create_deployment(restApiId=api["id"], stageName="dev")
        c.create_base_path_mapping(domainName="guard.delete.test", restApiId=api["id"], stage="prod", basePath="p")
        http = v2.create_api(Name="guarded-http", ProtocolType="HTTP")
        v2.create_stage(ApiId=http["ApiId"], StageName="s")
        mapping = v2.create_api_mapping(DomainName="guard.delete.test", ApiId=http["ApiId"], Stage="s", ApiMappingKey="h")
        seen = {
            "stage": error(c.delete_stage, restApiId=api["id"], stageName="prod"),
            "restApi": error(c.delete_rest_api, restApiId=api["id"]),
            "httpApi": error(v2.delete_api, ApiId=http["ApiId"]),
            "unmappedStage": error(c.delete_stage, restApiId=api["id"], stageName="dev"),
        }
        c.delete_base_path_mapping(domainName="guard.delete.test", basePath="p")
        v2.delete_api_mapping(DomainName="guard.delete.test", ApiMappingId=mapping["ApiMappingId"])
        seen["stageAfter"] = error(c.delete_stage, restApiId=api["id"], stageName="prod")
        seen["restApiAfter"] = error(c.delete_rest_api, restApiId=api["id"])
        seen["httpApiAfter"] = error(v2.delete_api, ApiId=http["ApiId"])
        seen["restApiId"], seen["httpApiId"] = api["id"], http["ApiId"]
        print(json.dumps(seen))
        """;

    [Fact]
    public async Task Boto3_MappedApisAndStages_AreNotDeleted_UntilTheirMappingsAre()
    {
        var seen = await PythonScript.RunAsync(DeleteGuardScript, fixture.Edge.AdminUrl, Certificate);

        Assert.Equal((400, "BadRequestException", "Deleting stage prod failed. Please remove all base path mappings related to the stage in your domains."),
            Error(seen, "stage"));
        Assert.Equal((400, "BadRequestException",
                $"Deleting RestApi {Text(seen, "restApiId")} failed. Please remove all base path mappings related to the RestApi in your domains: guard.delete.test."),
            Error(seen, "restApi"));
        Assert.Equal((400, "BadRequestException", $"Deleting API {Text(seen, "httpApiId")} failed. Please remove all API mappings for the API from your custom domain names."),
            Error(seen, "httpApi"));
        foreach (var deleted in new[] { "unmappedStage", "stageAfter", "restApiAfter", "httpApiAfter" })
        {
            Assert.Equal(JsonValueKind.Null, seen.GetProperty(deleted).ValueKind);
        }
    }

    private static string? Text(JsonElement element, string name) => element.GetProperty(name).GetString();

    // Other tests of the class fixture's edge may hold domain names of their own.
    private static string Filtered(JsonElement names) =>
        JsonSerializer.Serialize(names.EnumerateArray().Select(n => n.GetString()).Where(n => n!.EndsWith(".boto.test", StringComparison.Ordinal)));

    private static (int Status, string Code, string Message) Error(JsonElement errors, string name)
    {
        var error = errors.GetProperty(name);
        Assert.Equal(JsonValueKind.Array, error.ValueKind);
        return (error[0].GetInt32(), error[1].GetString()!, error[2].GetString()!);
    }
}
