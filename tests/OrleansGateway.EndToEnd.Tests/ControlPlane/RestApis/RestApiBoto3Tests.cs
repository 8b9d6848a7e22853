using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane.RestApis;

/// <summary>boto3's apigateway client builds, pages, patches, tags and deletes a REST API through its own shapes.</summary>
public sealed class RestApiBoto3Tests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>
{
    // Prints one JSON object with what the client saw; any unexpected botocore error fails the script.
    private const string Script = """
        import json, sys, boto3
        from botocore.exceptions import ClientError
        c = boto3.client("apigateway", endpoint_url=sys.argv[1], region_name="us-east-1",
                         aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret")
        def error(call, **kwargs):
            try:
                call(**kwargs)
                return None
            except ClientError as e:
                return [e.response["ResponseMetadata"]["HTTPStatusCode"], e.response["Error"]["Code"], e.response["Error"]["Message"]]
        api = c.create_rest_api(name="boto-rest", description="d", minimumCompressionSize=0, tags={"team": "a"})
        api_id, root = api["id"], api["rootResourceId"]
        ids = [c.create_resource(restApiId=api_id, parentId=root, pathPart="r%d" % i)["id"] for i in range(5)]
        first = c.get_resources(restApiId=api_id, limit=2)
        second = c.get_resources(restApiId=api_id, limit=2, position=first["position"])
        paged = [r["path"] for r in c.get_paginator("get_resources").paginate(restApiId=api_id, PaginationConfig={"PageSize": 2}).build_full_result()["items"]]
        c.put_method(restApiId=api_id, resourceId=ids[0], httpMethod="POST", authorizationType="NONE")
        c.put_integration(restApiId=api_id, resourceId=ids[0], httpMethod="POST", type="MOCK", requestTemplates={"application/json": '{"statusCode": 200}'})
        method = c.update_method(restApiId=api_id, resourceId=ids[0], httpMethod="POST", patchOperations=[
            {"op": "replace", "path": "/apiKeyRequired", "value": "true"},
            {"op": "add", "path": "/requestParameters/method.request.header.X-Id", "value": "true"}])
        integration = c.update_integration(restApiId=api_id, resourceId=ids[0], httpMethod="POST", patchOperations=[
            {"op": "add", "path": "/requestTemplates/text~1plain", "value": "hi"}])
        updated = c.update_rest_api(restApiId=api_id, patchOperations=[
            {"op": "add", "path": "/binaryMediaTypes/image~1png"}, {"op": "replace", "path": "/name", "value": "renamed"}])
        responses = c.get_gateway_responses(restApiId=api_id, limit=500)["items"]
        c.put_gateway_response(restApiId=api_id, responseType="THROTTLED", statusCode="503")
        throttled = c.get_gateway_response(restApiId=api_id, responseType="THROTTLED")
        deployment = c.create_deployment(restApiId=api_id, stageName="beta", stageDescription="first beta")
        stages = c.get_stages(restApiId=api_id, deploymentId=deployment["id"])["item"]
        arn = "arn:aws:apigateway:us-east-1::/restapis/" + api_id
        c.tag_resource(resourceArn=arn, tags={"env": "dev"})
        c.untag_resource(resourceArn=arn, tagKeys=["team"])
        tags = c.get_tags(resourceArn=arn)["tags"]
        got = c.get_rest_api(restApiId=api_id)
        errors = {
            "resource": error(c.get_resource, restApiId=api_id, resourceId="nope00"),
            "model": error(c.get_model, restApiId=api_id, modelName="Nope"),
            "duplicateModel": error(c.create_model, restApiId=api_id, name="Empty", contentType="application/json", schema="{}"),
            "unknownOp": error(c.update_stage, restApiId=api_id, stageName="beta", patchOperations=[{"op": "jump", "path": "/description"}]),
            "responseType": error(c.get_gateway_response, restApiId=api_id, responseType="NOPE"),
            "deleteDefault": error(c.delete_gateway_response, restApiId=api_id, responseType="DEFAULT_4XX"),
        }
        c.delete_stage(restApiId=api_id, stageName="beta")
        c.delete_rest_api(restApiId=api_id)
        print(json.dumps({
            "first": [r["path"] for r in first["items"]], "hasPosition": "position" in first,
            "second": [r["path"] for r in second["items"]], "paged": paged,
            "method": [method["apiKeyRequired"], method["requestParameters"]], "templates": integration["requestTemplates"],
            "updated": [updated["name"], updated["binaryMediaTypes"], updated["minimumCompressionSize"]],
            "responses": len(responses), "defaults": all(r["defaultResponse"] for r in responses),
            "throttled": [throttled["statusCode"], throttled["defaultResponse"]],
            "stages": [s["stageName"] for s in stages], "stageDescription": stages[0]["description"],
            "tags": tags, "created": got["createdDate"].year, "errors": errors,
            "afterDelete": error(c.get_rest_api, restApiId=api_id)}, separators=(",", ":")))
        """;

    [Fact]
    public async Task Boto3_BuildsPagesPatchesTagsAndDeletes()
    {
        var seen = await PythonScript.RunAsync(Script, fixture.Edge.AdminUrl);

        Assert.Equal(["/", "/r0"], seen.GetProperty("first").EnumerateArray().Select(p => p.GetString()));
        Assert.True(seen.GetProperty("hasPosition").GetBoolean());
        Assert.Equal(["/r1", "/r2"], seen.GetProperty("second").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["/", "/r0", "/r1", "/r2", "/r3", "/r4"], seen.GetProperty("paged").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("""[true,{"method.request.header.X-Id":true}]""", seen.GetProperty("method").GetRawText());
        Assert.Equal("hi", seen.GetProperty("templates").GetProperty("text/plain").GetString());
        Assert.Equal("""["renamed",["image/png"],0]""", seen.GetProperty("updated").GetRawText());
        Assert.Equal(21, seen.GetProperty("responses").GetInt32());
        Assert.True(seen.GetProperty("defaults").GetBoolean());
        Assert.Equal("""["503",false]""", seen.GetProperty("throttled").GetRawText());
        Assert.Equal(["beta"], seen.GetProperty("stages").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("first beta", seen.GetProperty("stageDescription").GetString());
        Assert.Equal("""{"env":"dev"}""", seen.GetProperty("tags").GetRawText());
        Assert.Equal(DateTime.UtcNow.Year, seen.GetProperty("created").GetInt32());

        var errors = seen.GetProperty("errors");
        Assert.Equal("""[404,"NotFoundException","Invalid Resource identifier specified"]""", errors.GetProperty("resource").GetRawText());
        Assert.Equal("""[404,"NotFoundException","Invalid model name specified: Nope"]""", errors.GetProperty("model").GetRawText());
        Assert.Equal("""[409,"ConflictException","Model name already exists for this REST API"]""", errors.GetProperty("duplicateModel").GetRawText());
        Assert.StartsWith("""[400,"ValidationException","1 validation error detected: Value 'jump' at 'updateStageInput.patchOperations.1.member.op'""", errors.GetProperty("unknownOp").GetRawText());
        Assert.StartsWith("""[400,"ValidationException","1 validation error detected: Value 'NOPE' at 'responseType'""", errors.GetProperty("responseType").GetRawText());
        Assert.Equal("""[404,"NotFoundException","Gateway response type not defined on api"]""", errors.GetProperty("deleteDefault").GetRawText());
        Assert.Equal(404, seen.GetProperty("afterDelete")[0].GetInt32());
    }
}
