using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane.RestApis;

/// <summary>
/// The REST control plane's refusals, through boto3 in one python process, against the status, error
/// type and message AWS answers with (as recorded from AWS in LocalStack's apigateway snapshot tests,
/// <c>tests/aws/services/apigateway/test_apigateway_api.snapshot.json</c>).
/// </summary>
public sealed class RestApiErrorMessageTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>
{
    private const string Script = PythonScript.ApiGatewayRefusals + """
        api = c.create_rest_api(name="errors")
        a, root = api["id"], api["rootResourceId"]
        r = c.create_resource(restApiId=a, parentId=root, pathPart="pets")["id"]
        c.put_method(restApiId=a, resourceId=r, httpMethod="ANY", authorizationType="NONE")
        c.put_integration(restApiId=a, resourceId=r, httpMethod="ANY", type="MOCK")
        v = c.create_request_validator(restApiId=a, name="v")["id"]
        c.create_deployment(restApiId=a, stageName="dev")
        gone = "nope000000"
        error("emptyDescription", c.create_rest_api, name="x", description="")
        error("compressionAdd", c.update_rest_api, restApiId=a, patchOperations=[{"op": "add", "path": "/minimumCompressionSize", "value": "10"}])
        error("binaryMediaTypesBare", c.update_rest_api, restApiId=a, patchOperations=[{"op": "add", "path": "/binaryMediaTypes", "value": "x"}])
        error("resourcePath", c.update_resource, restApiId=a, resourceId=r, patchOperations=[{"op": "replace", "path": "/invalid", "value": "x"}])
        error("resourceRemove", c.update_resource, restApiId=a, resourceId=r, patchOperations=[{"op": "remove", "path": "/pathPart"}])
        error("authorizerNoApi", c.create_authorizer, restApiId=gone, name="a", type="TOKEN", identitySource="method.request.header.Authorization",
              authorizerUri="arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:f/invocations")
        error("authorizersNoApi", c.get_authorizers, restApiId=gone)
        error("putMethodNoApi", c.put_method, restApiId=gone, resourceId="nope00", httpMethod="GET", authorizationType="NONE")
        error("updateMethodNoApi", c.update_method, restApiId=gone, resourceId="nope00", httpMethod="ANY", patchOperations=[])
        error("methodAddOperationName", c.update_method, restApiId=a, resourceId=r, httpMethod="ANY", patchOperations=[{"op": "add", "path": "/operationName", "value": "x"}])
        error("methodAddValidator", c.update_method, restApiId=a, resourceId=r, httpMethod="ANY", patchOperations=[{"op": "add", "path": "/requestValidatorId", "value": "x"}])
        error("methodHttpMethod", c.update_method, restApiId=a, resourceId=r, httpMethod="ANY", patchOperations=[{"op": "add", "path": "/httpMethod", "value": "PUT"}])
        error("methodRequestParameters", c.update_method, restApiId=a, resourceId=r, httpMethod="ANY", patchOperations=[{"op": "replace", "path": "/requestParameters", "value": "x"}])
        error("methodRequestModels", c.update_method, restApiId=a, resourceId=r, httpMethod="ANY", patchOperations=[{"op": "add", "path": "/requestModels/application/json", "value": "Empty"}])
        error("modelNoApi", c.get_model, restApiId=gone, modelName="MySchema")
        error("modelAdd", c.update_model, restApiId=a, modelName="Empty", patchOperations=[{"op": "add", "path": "/wrong-path", "value": "x"}])
        error("modelPath", c.update_model, restApiId=a, modelName="Empty", patchOperations=[{"op": "replace", "path": "/name", "value": "x"}])
        error("validatorCreateNoApi", c.create_request_validator, restApiId=gone, name="v")
        error("validatorsNoApi", c.get_request_validators, restApiId=gone)
        error("validatorGetNoApi", c.get_request_validator, restApiId=gone, requestValidatorId=v)
        error("validatorDeleteNoApi", c.delete_request_validator, restApiId=gone, requestValidatorId=v)
        error("validatorAdd", c.update_request_validator, restApiId=a, requestValidatorId=v, patchOperations=[{"op": "add", "path": "/validateRequestBody", "value": "true"}])
        error("validatorPath", c.update_request_validator, restApiId=a, requestValidatorId=v, patchOperations=[{"op": "replace", "path": "/invalidPath", "value": "x"}])
        error("gatewayResponseType", c.get_gateway_response, restApiId=a, responseType="FAKE_RESPONSE_TYPE")
        error("gatewayResponseAddStatus", c.update_gateway_response, restApiId=a, responseType="DEFAULT_4XX", patchOperations=[{"op": "add", "path": "/statusCode", "value": "444"}])
        error("gatewayResponseReplaceMissing", c.update_gateway_response, restApiId=a, responseType="DEFAULT_4XX",
              patchOperations=[{"op": "replace", "path": "/responseParameters/gatewayresponse.header.x", "value": "'x'"}])
        error("gatewayResponseNoPath", c.update_gateway_response, restApiId=a, responseType="DEFAULT_4XX", patchOperations=[{"op": "replace"}])
        error("gatewayResponseOp", c.update_gateway_response, restApiId=a, responseType="DEFAULT_4XX", patchOperations=[{"op": "wrong-op", "path": "/statusCode"}])
        error("gatewayResponsePath", c.update_gateway_response, restApiId=a, responseType="DEFAULT_4XX", patchOperations=[{"op": "replace", "path": "/wrongPath", "value": "x"}])
        error("gatewayResponseNullTemplate", c.update_gateway_response, restApiId=a, responseType="DEFAULT_4XX", patchOperations=[{"op": "add", "path": "/responseTemplates/application~1xml"}])
        error("gatewayResponseNullParameter", c.update_gateway_response, restApiId=a, responseType="DEFAULT_4XX", patchOperations=[{"op": "add", "path": "/responseParameters/gatewayresponse.header.x"}])
        error("testInvokeNoApi", c.test_invoke_method, restApiId=gone, resourceId="nope00", httpMethod="GET")
        error("integrationType", c.put_integration, restApiId=a, resourceId=r, httpMethod="ANY", type="HTTPS_PROXY")
        error("stage", c.get_stage, restApiId=a, stageName="nope")
        error("stagePath", c.update_stage, restApiId=a, stageName="dev", patchOperations=[{"op": "replace", "path": "/test/GET/throttling/burst", "value": "1"}])
        types = [t["responseType"] for t in c.get_gateway_responses(restApiId=a)["items"]]
        c.delete_rest_api(restApiId=a)
        print(json.dumps({"errors": seen, "types": types}))
        """;

    private const string InvalidPatchPathForOp = "Invalid patch path  '{0}' specified for op '{1}'. ";

    [Fact]
    public async Task Boto3_SeesAwsStatusTypeAndMessage_ForEachRefusal()
    {
        var seen = await PythonScript.RunAsync(Script, fixture.Edge.AdminUrl);
        var errors = seen.GetProperty("errors");

        void Expect(string label, int status, string type, string message) => PythonScript.AssertRefused(errors, label, status, type, message);

        Expect("emptyDescription", 400, "BadRequestException", "Description cannot be an empty string");
        Expect("compressionAdd", 400, "BadRequestException", "Invalid patch operation specified. Must be one of: [replace]");
        Expect("binaryMediaTypesBare", 400, "BadRequestException", "Invalid patch path /binaryMediaTypes");
        Expect("resourcePath", 400, "BadRequestException", string.Format(null, InvalidPatchPathForOp, "/invalid", "replace") + "Must be one of: [/parentId, /pathPart]");
        Expect("resourceRemove", 400, "BadRequestException", string.Format(null, InvalidPatchPathForOp, "/pathPart", "remove") + "Please choose supported operations");
        Expect("authorizerNoApi", 409, "ConflictException", "Unable to complete operation due to concurrent modification. Please try again later.");
        Expect("authorizersNoApi", 404, "NotFoundException", "Invalid API identifier specified 000000000000:nope000000");
        Expect("putMethodNoApi", 404, "NotFoundException", "Invalid Resource identifier specified");
        Expect("updateMethodNoApi", 404, "NotFoundException", "Invalid Resource identifier specified");
        Expect("methodAddOperationName", 400, "BadRequestException", "Invalid patch operation specified. Must be one of: [replace]");
        Expect("methodAddValidator", 400, "BadRequestException", "Invalid patch operation specified. Must be one of: [replace]");
        Expect("methodHttpMethod", 400, "BadRequestException", "Invalid patch path /httpMethod");
        Expect("methodRequestParameters", 400, "BadRequestException", "Invalid patch path /requestParameters");
        Expect("methodRequestModels", 400, "BadRequestException", "Invalid patch path /requestModels/application/json");
        Expect("modelNoApi", 404, "NotFoundException", "Invalid model name specified: MySchema");
        Expect("modelAdd", 400, "BadRequestException", string.Format(null, InvalidPatchPathForOp, "/wrong-path", "add") + "Please choose supported operations");
        Expect("modelPath", 400, "BadRequestException", string.Format(null, InvalidPatchPathForOp, "/name", "replace") + "Must be one of: [/description, /schema]");
        Expect("validatorCreateNoApi", 400, "BadRequestException", "Invalid REST API identifier specified");
        Expect("validatorsNoApi", 404, "NotFoundException", "Invalid API identifier specified 000000000000:nope000000");
        Expect("validatorGetNoApi", 404, "NotFoundException", "Invalid Request Validator identifier specified");
        Expect("validatorDeleteNoApi", 404, "NotFoundException", "Invalid Request Validator identifier specified");
        Expect("validatorAdd", 400, "BadRequestException", string.Format(null, InvalidPatchPathForOp, "/validateRequestBody", "add") + "Please choose supported operations");
        Expect("validatorPath", 400, "BadRequestException", string.Format(null, InvalidPatchPathForOp, "/invalidPath", "replace") + "Must be one of: [/name, /validateRequestParameters, /validateRequestBody]");
        Expect("gatewayResponseType", 400, "ValidationException", "1 validation error detected: Value 'FAKE_RESPONSE_TYPE' at 'responseType' failed to satisfy constraint: Member must satisfy enum value set: [REQUEST_TOO_LARGE, RESOURCE_NOT_FOUND, AUTHORIZER_CONFIGURATION_ERROR, MISSING_AUTHENTICATION_TOKEN, BAD_REQUEST_BODY, INVALID_SIGNATURE, INVALID_API_KEY, BAD_REQUEST_PARAMETERS, AUTHORIZER_FAILURE, UNAUTHORIZED, INTEGRATION_TIMEOUT, ACCESS_DENIED, DEFAULT_4XX, DEFAULT_5XX, WAF_FILTERED, QUOTA_EXCEEDED, THROTTLED, API_CONFIGURATION_ERROR, UNSUPPORTED_MEDIA_TYPE, INTEGRATION_FAILURE, EXPIRED_TOKEN]");
        Expect("gatewayResponseAddStatus", 400, "BadRequestException", "Invalid patch path /statusCode");
        Expect("gatewayResponseReplaceMissing", 404, "NotFoundException", "Invalid parameter name specified");
        Expect("gatewayResponseNoPath", 400, "BadRequestException", "Invalid patch path null");
        Expect("gatewayResponseOp", 400, "ValidationException", "1 validation error detected: Value 'wrong-op' at 'updateGatewayResponseInput.patchOperations.1.member.op' failed to satisfy constraint: Member must satisfy enum value set: [add, remove, move, test, replace, copy]");
        Expect("gatewayResponsePath", 400, "BadRequestException", "Invalid patch path /wrongPath");
        Expect("gatewayResponseNullTemplate", 400, "BadRequestException", "Invalid null or empty value in responseTemplates");
        Expect("gatewayResponseNullParameter", 400, "BadRequestException", "Invalid null or empty value in responseParameters");
        Expect("testInvokeNoApi", 404, "NotFoundException", "Invalid Resource identifier specified");
        Expect("integrationType", 400, "ValidationException", "1 validation error detected: Value 'HTTPS_PROXY' at 'putIntegrationInput.type' failed to satisfy constraint: Member must satisfy enum value set: [HTTP, MOCK, AWS_PROXY, HTTP_PROXY, AWS]");
        Expect("stage", 404, "NotFoundException", "Invalid stage identifier specified");
        Expect("stagePath", 400, "BadRequestException", "Invalid method setting path: /test/GET/throttling/burst. Must be one of: [/deploymentId, /description, /cacheClusterEnabled, /cacheClusterSize, /clientCertificateId, /accessLogSettings, /accessLogSettings/destinationArn, /accessLogSettings/format, /{resourcePath}/{httpMethod}/metrics/enabled, /{resourcePath}/{httpMethod}/logging/dataTrace, /{resourcePath}/{httpMethod}/logging/loglevel, /{resourcePath}/{httpMethod}/throttling/burstLimit/{resourcePath}/{httpMethod}/throttling/rateLimit/{resourcePath}/{httpMethod}/caching/ttlInSeconds, /{resourcePath}/{httpMethod}/caching/enabled, /{resourcePath}/{httpMethod}/caching/dataEncrypted, /{resourcePath}/{httpMethod}/caching/requireAuthorizationForCacheControl, /{resourcePath}/{httpMethod}/caching/unauthorizedCacheControlHeaderStrategy, /*/*/metrics/enabled, /*/*/logging/dataTrace, /*/*/logging/loglevel, /*/*/throttling/burstLimit /*/*/throttling/rateLimit /*/*/caching/ttlInSeconds, /*/*/caching/enabled, /*/*/caching/dataEncrypted, /*/*/caching/requireAuthorizationForCacheControl, /*/*/caching/unauthorizedCacheControlHeaderStrategy, /variables/{variable_name}, /tracingEnabled]");

        // AWS lists gateway responses by type name.
        var types = seen.GetProperty("types").EnumerateArray().Select(t => t.GetString()!).ToList();
        Assert.Equal(21, types.Count);
        Assert.Equal(types.Order(StringComparer.Ordinal), types);
    }
}
