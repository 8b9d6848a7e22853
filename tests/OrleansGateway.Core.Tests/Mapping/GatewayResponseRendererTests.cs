using OrleansGateway.Mapping.GatewayResponses;
using OrleansGateway.Mapping.Parameters;

namespace OrleansGateway.Core.Tests.Mapping;

public sealed class GatewayResponseRendererTests
{
    private static readonly ParameterInputs NoInputs = new();

    private static GatewayResponseResult Render(GatewayError error, IEnumerable<GatewayResponseDefinition>? customized = null, ParameterInputs? inputs = null) =>
        new GatewayResponseRenderer(new GatewayResponseResolver(customized)).Render(error, inputs ?? NoInputs);

    [Theory]
    [InlineData("MISSING_AUTHENTICATION_TOKEN", "Missing Authentication Token", 403)]
    [InlineData("THROTTLED", "Too Many Requests", 429)]
    [InlineData("UNSUPPORTED_MEDIA_TYPE", "Unsupported Media Type", 415)]
    [InlineData("INTEGRATION_TIMEOUT", "Endpoint request timed out", 504)]
    [InlineData("BAD_REQUEST_BODY", "Invalid request body", 400)]
    [InlineData("BAD_REQUEST_PARAMETERS", "Missing required request parameters: [q]", 400)]
    [InlineData("QUOTA_EXCEEDED", "Limit Exceeded", 429)]
    [InlineData("REQUEST_TOO_LARGE", "Request Too Long", 413)]
    [InlineData("RESOURCE_NOT_FOUND", "Not Found", 404)]
    [InlineData("UNAUTHORIZED", "Unauthorized", 401)]
    [InlineData("ACCESS_DENIED", "User is not authorized to access this resource", 403)]
    [InlineData("API_CONFIGURATION_ERROR", "Internal server error", 500)]
    [InlineData("INTEGRATION_FAILURE", "Internal server error", 504)]
    public void BuiltInResponses_HaveAwsStatusAndMessageBody(string type, string message, int status)
    {
        var result = Render(new GatewayError(GatewayResponseType.FromName(type)!, message));

        Assert.Equal(status, result.StatusCode);
        Assert.Equal($$"""{"message":"{{message}}"}""", result.Body);
        Assert.Equal("application/json", result.Headers["Content-Type"]);
    }

    [Fact]
    public void DefaultTypes_TakeTheErrorsOwnStatus()
    {
        Assert.Equal(502, Render(new GatewayError(GatewayResponseType.Default5xx, "Bad gateway", 502)).StatusCode);
        Assert.Equal(400, Render(new GatewayError(GatewayResponseType.Default4xx, "Invalid JSON in request body", 400)).StatusCode);
        Assert.Equal(500, Render(GatewayError.InternalServerError()).StatusCode);
    }

    [Fact]
    public void EveryTypeOfTheApigatewayModel_IsKnown()
    {
        string[] modelEnum =
        [
            "DEFAULT_4XX", "DEFAULT_5XX", "RESOURCE_NOT_FOUND", "UNAUTHORIZED", "INVALID_API_KEY", "ACCESS_DENIED",
            "AUTHORIZER_FAILURE", "AUTHORIZER_CONFIGURATION_ERROR", "INVALID_SIGNATURE", "EXPIRED_TOKEN",
            "MISSING_AUTHENTICATION_TOKEN", "INTEGRATION_FAILURE", "INTEGRATION_TIMEOUT", "API_CONFIGURATION_ERROR",
            "UNSUPPORTED_MEDIA_TYPE", "BAD_REQUEST_PARAMETERS", "BAD_REQUEST_BODY", "REQUEST_TOO_LARGE", "THROTTLED",
            "QUOTA_EXCEEDED", "WAF_FILTERED",
        ];

        Assert.Equal(modelEnum.Order(), GatewayResponseType.All.Select(t => t.Name).Order());
    }

    [Fact]
    public void MessageString_IsQuotedAndEscaped()
    {
        var result = Render(new GatewayError(GatewayResponseType.Default4xx, "say \"hi\"", 400));

        Assert.Equal("""{"message":"say \"hi\""}""", result.Body);
    }

    // AWS's gateway response example: MISSING_AUTHENTICATION_TOKEN customized to 404 with headers
    // mapped from the method request and a template using $context and $stageVariables.
    [Fact]
    public void CustomizedResponse_SubstitutesContextStageVariablesAndMapsHeaders()
    {
        var customized = new GatewayResponseDefinition
        {
            ResponseType = "MISSING_AUTHENTICATION_TOKEN",
            StatusCode = "404",
            ResponseParameters = new Dictionary<string, string>
            {
                ["gatewayresponse.header.x-request-path"] = "method.request.path.petId",
                ["gatewayresponse.header.x-request-query"] = "method.request.querystring.q",
                ["gatewayresponse.header.Access-Control-Allow-Origin"] = "'a.b.c'",
                ["gatewayresponse.header.x-request-header"] = "method.request.header.Accept",
            },
            ResponseTemplates = new Dictionary<string, string>
            {
                ["application/json"] = "{\n     \"message\": $context.error.messageString,\n     \"type\":  \"$context.error.responseType\",\n     \"stage\":  \"$context.stage\",\n     \"resourcePath\":  \"$context.resourcePath\",\n     \"stageVariables.a\":  \"$stageVariables.a\",\n     \"statusCode\": \"'404'\"\n}",
            },
        };
        var inputs = new ParameterInputs
        {
            Request = new MethodRequestData
            {
                PathParameters = new Dictionary<string, string> { ["petId"] = "7" },
                QueryString = new Dictionary<string, IReadOnlyList<string>> { ["q"] = ["cats"] },
                Headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase) { ["Accept"] = ["application/json"] },
            },
            Context = new Dictionary<string, object?> { ["stage"] = "test", ["resourcePath"] = "/pets/{petId}" },
            StageVariables = new Dictionary<string, string> { ["a"] = "a" },
        };

        var result = Render(new GatewayError(GatewayResponseType.MissingAuthenticationToken, "Missing Authentication Token"), [customized], inputs);

        Assert.Equal(404, result.StatusCode);
        Assert.Equal(
            "{\n     \"message\": \"Missing Authentication Token\",\n     \"type\":  \"MISSING_AUTHENTICATION_TOKEN\",\n     \"stage\":  \"test\",\n     \"resourcePath\":  \"/pets/{petId}\",\n     \"stageVariables.a\":  \"a\",\n     \"statusCode\": \"'404'\"\n}",
            result.Body);
        Assert.Equal("7", result.Headers["x-request-path"]);
        Assert.Equal("cats", result.Headers["x-request-query"]);
        Assert.Equal("a.b.c", result.Headers["Access-Control-Allow-Origin"]);
        Assert.Equal("application/json", result.Headers["x-request-header"]);
    }

    [Fact]
    public void Templates_AreNotVtl_OnlyContextAndStageVariablesAreSubstituted()
    {
        var customized = new GatewayResponseDefinition
        {
            ResponseType = "DEFAULT_4XX",
            ResponseTemplates = new Dictionary<string, string>
            {
                ["application/json"] = "#if(true)$input.body ${context.requestId} ${stageVariables.env} $util.urlEncode('x') $context.missing.value!#end",
            },
        };
        var inputs = new ParameterInputs
        {
            Context = new Dictionary<string, object?> { ["requestId"] = "r-1" },
            StageVariables = new Dictionary<string, string> { ["env"] = "prod" },
        };

        var result = Render(new GatewayError(GatewayResponseType.Throttled, "Too Many Requests"), [customized], inputs);

        Assert.Equal("#if(true)$input.body r-1 prod $util.urlEncode('x') !#end", result.Body);
    }

    [Fact]
    public void ValidationErrorString_IsAvailableToTemplates()
    {
        var customized = new GatewayResponseDefinition
        {
            ResponseType = "BAD_REQUEST_BODY",
            ResponseTemplates = new Dictionary<string, string>
            {
                ["application/json"] = """{"message": $context.error.messageString, "error": "$context.error.validationErrorString"}""",
            },
        };
        var error = new GatewayError(
            GatewayResponseType.BadRequestBody, "Invalid request body",
            ValidationErrorString: """[object has missing required properties ([\"name\"])]""");

        var result = Render(error, [customized]);

        Assert.Equal(400, result.StatusCode);
        Assert.Equal(
            """{"message": "Invalid request body", "error": "[object has missing required properties ([\"name\"])]"}""",
            result.Body);
    }

    [Fact]
    public void CustomizedDefault4xx_AppliesToUncustomized4xxTypes_ButNotTo5xx()
    {
        var default4xx = new GatewayResponseDefinition
        {
            ResponseType = "DEFAULT_4XX",
            ResponseParameters = new Dictionary<string, string> { ["gatewayresponse.header.Access-Control-Allow-Origin"] = "'*'" },
            ResponseTemplates = new Dictionary<string, string> { ["application/json"] = """{"error":$context.error.messageString,"type":"$context.error.responseType"}""" },
        };

        var throttled = Render(new GatewayError(GatewayResponseType.Throttled, "Too Many Requests"), [default4xx]);
        var timeout = Render(new GatewayError(GatewayResponseType.IntegrationTimeout, "Endpoint request timed out"), [default4xx]);

        Assert.Equal(429, throttled.StatusCode);
        Assert.Equal("""{"error":"Too Many Requests","type":"THROTTLED"}""", throttled.Body);
        Assert.Equal("*", throttled.Headers["Access-Control-Allow-Origin"]);
        Assert.Equal(504, timeout.StatusCode);
        Assert.Equal("""{"message":"Endpoint request timed out"}""", timeout.Body);
        Assert.False(timeout.Headers.ContainsKey("Access-Control-Allow-Origin"));
    }

    [Fact]
    public void Default4xxStatusCode_ChangesUncustomized4xxStatuses()
    {
        var default4xx = new GatewayResponseDefinition { ResponseType = "DEFAULT_4XX", StatusCode = "418" };

        Assert.Equal(418, Render(new GatewayError(GatewayResponseType.Throttled, "Too Many Requests"), [default4xx]).StatusCode);
    }

    [Fact]
    public void SpecificCustomization_WinsOverDefault4xx()
    {
        GatewayResponseDefinition[] customized =
        [
            new() { ResponseType = "DEFAULT_4XX", StatusCode = "418" },
            new() { ResponseType = "THROTTLED", ResponseTemplates = new Dictionary<string, string> { ["text/plain"] = "slow down" } },
        ];

        var result = Render(new GatewayError(GatewayResponseType.Throttled, "Too Many Requests"), customized);

        Assert.Equal(429, result.StatusCode);
        Assert.Equal("slow down", result.Body);
        Assert.Equal("text/plain", result.Headers["Content-Type"]);
        Assert.Equal("TooManyRequestsException", result.Headers["x-amzn-ErrorType"]);
    }

    [Fact]
    public void TemplateIsChosenByAccept()
    {
        var customized = new GatewayResponseDefinition
        {
            ResponseType = "DEFAULT_4XX",
            ResponseTemplates = new Dictionary<string, string>
            {
                ["application/json"] = """{"m":$context.error.messageString}""",
                ["application/xml"] = "<m>$context.error.message</m>",
            },
        };
        var inputs = new ParameterInputs
        {
            Request = new MethodRequestData
            {
                Headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase) { ["Accept"] = ["application/xml"] },
            },
        };

        var result = Render(new GatewayError(GatewayResponseType.UnsupportedMediaType, "Unsupported Media Type"), [customized], inputs);

        Assert.Equal("<m>Unsupported Media Type</m>", result.Body);
        Assert.Equal("application/xml", result.Headers["Content-Type"]);
    }
}
