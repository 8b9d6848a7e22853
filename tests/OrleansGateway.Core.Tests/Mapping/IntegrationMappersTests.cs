using OrleansGateway.Mapping.GatewayResponses;
using OrleansGateway.Mapping.Parameters;
using OrleansGateway.Mapping.Selection;
using OrleansGateway.Mapping.Templates;

namespace OrleansGateway.Core.Tests.Mapping;

public sealed class IntegrationMappersTests
{
    private static readonly Dictionary<string, string> StageVariables = new() { ["env"] = "prod" };

    private static MethodRequestData Request(string? contentType = "application/json", string? body = null, string? accept = null)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        if (contentType is not null)
        {
            headers["Content-Type"] = [contentType];
        }

        if (accept is not null)
        {
            headers["Accept"] = [accept];
        }

        return new MethodRequestData
        {
            PathParameters = new Dictionary<string, string> { ["petId"] = "7" },
            QueryString = new Dictionary<string, IReadOnlyList<string>> { ["type"] = ["dog"] },
            Headers = headers,
            Body = body,
        };
    }

    private static Dictionary<string, object?> Context() => new() { ["requestId"] = "r-1", ["stage"] = "test" };

    private static IntegrationRequestMapper RequestMapper(
        Dictionary<string, string>? templates,
        PassthroughBehavior behavior = PassthroughBehavior.WhenNoMatch,
        Dictionary<string, string>? parameters = null,
        CompiledTemplateCache? cache = null) =>
        new("dep-1", templates, behavior, new RequestParameterMapper(parameters), cache ?? new CompiledTemplateCache());

    [Fact]
    public void RequestTemplate_RendersWithParamsStageVariablesAndContext()
    {
        var mapper = RequestMapper(new()
        {
            ["application/json"] = """{"pet":"$input.params('petId')","type":"$input.params('type')","name":$input.json('$.name'),"env":"$stageVariables.env","req":"$context.requestId"}""",
        });

        var result = mapper.Map(Request(body: """{"name":"Spot"}"""), Context(), StageVariables);

        Assert.Null(result.Error);
        Assert.Equal("""{"pet":"7","type":"dog","name":"Spot","env":"prod","req":"r-1"}""", result.Body);
    }

    [Fact]
    public void UnmatchedContentType_UnderNever_Is415UnsupportedMediaType()
    {
        var mapper = RequestMapper(new() { ["application/json"] = "{}" }, PassthroughBehavior.Never);

        var result = mapper.Map(Request("application/xml", "<pet/>"), Context(), StageVariables);
        var response = new GatewayResponseRenderer(new GatewayResponseResolver()).Render(result.Error!, new ParameterInputs());

        Assert.Same(GatewayResponseType.UnsupportedMediaType, result.Error?.Type);
        Assert.Equal(415, response.StatusCode);
        Assert.Equal("""{"message":"Unsupported Media Type"}""", response.Body);
    }

    [Fact]
    public void UnmatchedContentType_UnderWhenNoMatch_PassesTheBodyThrough()
    {
        var result = RequestMapper(new() { ["application/json"] = "{}" }).Map(Request("application/xml", "<pet/>"), Context(), StageVariables);

        Assert.Null(result.Error);
        Assert.Equal("<pet/>", result.Body);
    }

    [Fact]
    public void RequestOverride_WrittenByTheTemplate_ReplacesMappedParameters()
    {
        var mapper = RequestMapper(
            new()
            {
                ["application/json"] = """
                    #set($context.requestOverride.header.target = "override")
                    #set($context.requestOverride.querystring.page = "2")
                    #set($context.requestOverride.path.petId = "42")
                    body
                    """,
            },
            parameters: new()
            {
                ["integration.request.header.target"] = "'mapped'",
                ["integration.request.header.kept"] = "'mapped'",
                ["integration.request.path.petId"] = "method.request.path.petId",
            });

        var result = mapper.Map(Request(), Context(), StageVariables);

        Assert.Null(result.Error);
        Assert.Equal("override", result.Parameters.Headers["target"]);
        Assert.Equal("mapped", result.Parameters.Headers["kept"]);
        Assert.Equal(["2"], result.Parameters.QueryString["page"]);
        Assert.Equal("42", result.Parameters.Path["petId"]);
    }

    [Fact]
    public void BrokenTemplate_IsA500_WithTheReasonForTheLog()
    {
        var result = RequestMapper(new() { ["application/json"] = "#if($a" }).Map(Request(), Context(), StageVariables);

        Assert.Equal(500, result.Error?.DefaultStatusCode);
        Assert.Equal("Internal server error", result.Error?.Message);
        Assert.StartsWith("Execution failed due to configuration error", result.LogMessage);
    }

    [Fact]
    public void Templates_AreCompiledOncePerDeployment()
    {
        var cache = new CompiledTemplateCache(maxDeployments: 2);

        var first = cache.GetOrCompile("dep-1", "$input.body");
        var again = cache.GetOrCompile("dep-1", "$input.body");
        var otherDeployment = cache.GetOrCompile("dep-2", "$input.body");

        Assert.Same(first, again);
        Assert.NotSame(first, otherDeployment);
    }

    [Fact]
    public void TemplateCache_KeepsOnlyRecentDeployments()
    {
        var cache = new CompiledTemplateCache(maxDeployments: 2);
        var first = cache.GetOrCompile("dep-1", "x");

        cache.GetOrCompile("dep-2", "x");
        cache.GetOrCompile("dep-3", "x");

        Assert.Equal(2, cache.DeploymentCount);
        Assert.NotSame(first, cache.GetOrCompile("dep-1", "x"));
    }

    [Fact]
    public void TemplateCache_RemembersACompileFailure()
    {
        var cache = new CompiledTemplateCache();

        var first = Assert.ThrowsAny<Exception>(() => cache.GetOrCompile("dep-1", "#foreach("));
        var second = Assert.ThrowsAny<Exception>(() => cache.GetOrCompile("dep-1", "#foreach("));

        Assert.Same(first, second);
    }

    private static IntegrationResponseMapper ResponseMapper(params IntegrationResponseDefinition[] responses) =>
        new("dep-1", responses, new CompiledTemplateCache());

    [Fact]
    public void ResponseTemplate_ReshapesTheIntegrationResponse()
    {
        var mapper = ResponseMapper(new IntegrationResponseDefinition
        {
            StatusCode = "200",
            ResponseTemplates = new Dictionary<string, string>
            {
                ["application/json"] = """#set($root = $input.path('$'))[#foreach($elem in $root){"description":"Item $elem.id is a $elem.type.","askingPrice":$elem.price}#if($foreach.hasNext),#end#end]""",
            },
            ResponseParameters = new Dictionary<string, string> { ["method.response.header.X-Count"] = "integration.response.header.X-Total" },
        });
        var backend = new IntegrationResponseData
        {
            StatusCode = 200,
            Headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase) { ["X-Total"] = ["3"] },
            Body = """[{"id":1,"type":"dog","price":249.99},{"id":2,"type":"cat","price":124.99},{"id":3,"type":"fish","price":0.99}]""",
        };

        var result = mapper.Map(IntegrationOutcome.Status(200), backend, Request(), Context(), StageVariables);

        Assert.Null(result.Error);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal(
            """[{"description":"Item 1 is a dog.","askingPrice":249.99},{"description":"Item 2 is a cat.","askingPrice":124.99},{"description":"Item 3 is a fish.","askingPrice":0.99}]""",
            result.Body);
        Assert.Equal("3", result.Headers["X-Count"]);
        Assert.Equal("application/json", result.Headers["Content-Type"]);
    }

    [Fact]
    public void ResponseOverride_SetsStatusAndHeaders()
    {
        var mapper = ResponseMapper(new IntegrationResponseDefinition
        {
            StatusCode = "200",
            ResponseTemplates = new Dictionary<string, string>
            {
                ["application/json"] = """
                    #set($inputRoot = $input.path('$'))
                    #if($inputRoot.toString().contains("error"))
                    #set($context.responseOverride.status = 400)
                    #set($context.responseOverride.header.errorKind = "validation")
                    #end
                    $input.json('$')
                    """,
            },
        });
        var failed = new IntegrationResponseData { Body = """{"error":"bad pet"}""" };
        var fine = new IntegrationResponseData { Body = """{"ok":true}""" };

        var overridden = mapper.Map(IntegrationOutcome.Status(200), failed, Request(), Context(), StageVariables);
        var untouched = mapper.Map(IntegrationOutcome.Status(200), fine, Request(), Context(), StageVariables);

        Assert.Equal(400, overridden.StatusCode);
        Assert.Equal("validation", overridden.Headers["errorKind"]);
        Assert.Equal(200, untouched.StatusCode);
        Assert.False(untouched.Headers.ContainsKey("errorKind"));
    }

    [Theory]
    [InlineData("99")]
    [InlineData("600")]
    [InlineData("\"404\"")]
    public void ResponseOverrideStatus_OutsideTheValidRange_IsIgnored(string status)
    {
        var mapper = ResponseMapper(new IntegrationResponseDefinition
        {
            StatusCode = "201",
            ResponseTemplates = new Dictionary<string, string> { ["application/json"] = $"#set($context.responseOverride.status = {status})ok" },
        });

        var result = mapper.Map(IntegrationOutcome.Status(200), new IntegrationResponseData(), Request(), Context(), StageVariables);

        Assert.Equal(201, result.StatusCode);
        Assert.Equal("ok", result.Body);
    }

    [Fact]
    public void LambdaError_SelectsByErrorMessage_AndTheTemplateReadsTheErrorPayload()
    {
        var mapper = ResponseMapper(
            new IntegrationResponseDefinition { StatusCode = "200" },
            new IntegrationResponseDefinition
            {
                StatusCode = "404",
                SelectionPattern = ".*Not Found.*",
                ResponseTemplates = new Dictionary<string, string> { ["application/json"] = """{"error":"$input.path('$.errorMessage')"}""" },
            });
        var payload = """{"errorMessage":"Pet 7 Not Found","errorType":"NotFound"}""";

        var result = mapper.Map(
            IntegrationOutcome.Lambda(LambdaErrorMessage.From(payload)), new IntegrationResponseData { Body = payload }, Request(), Context(), StageVariables);

        Assert.Equal(404, result.StatusCode);
        Assert.Equal("""{"error":"Pet 7 Not Found"}""", result.Body);
    }

    [Fact]
    public void NoTemplate_PassesTheBodyThrough_AndNoMatchingResponse_IsApiConfigurationError()
    {
        var mapper = ResponseMapper(new IntegrationResponseDefinition { StatusCode = "400", SelectionPattern = "4\\d{2}" });

        var passthrough = mapper.Map(IntegrationOutcome.Status(404), new IntegrationResponseData { Body = "raw" }, Request(), Context(), StageVariables);
        var unmatched = mapper.Map(IntegrationOutcome.Status(200), new IntegrationResponseData { Body = "raw" }, Request(), Context(), StageVariables);

        Assert.Equal(400, passthrough.StatusCode);
        Assert.Equal("raw", passthrough.Body);
        Assert.Same(GatewayResponseType.ApiConfigurationError, unmatched.Error?.Type);
        Assert.Equal(500, unmatched.StatusCode);
    }

    [Fact]
    public void ResponseTemplate_IsChosenByTheClientsAccept()
    {
        var mapper = ResponseMapper(new IntegrationResponseDefinition
        {
            StatusCode = "200",
            ResponseTemplates = new Dictionary<string, string>
            {
                ["application/json"] = """{"id":$input.path('$.id')}""",
                ["application/xml"] = "<id>$input.path('$.id')</id>",
            },
        });

        var result = mapper.Map(
            IntegrationOutcome.Status(200), new IntegrationResponseData { Body = """{"id":5}""" }, Request(accept: "application/xml"), Context(), StageVariables);

        Assert.Equal("<id>5</id>", result.Body);
        Assert.Equal("application/xml", result.Headers["Content-Type"]);
    }
}
