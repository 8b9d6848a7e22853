using OrleansGateway.Mapping.GatewayResponses;
using OrleansGateway.Mapping.Parameters;

namespace OrleansGateway.Core.Tests.Mapping;

public sealed class ParameterMapperTests
{
    private static readonly MethodRequestData Request = new()
    {
        PathParameters = new Dictionary<string, string> { ["id"] = "7" },
        QueryString = new Dictionary<string, IReadOnlyList<string>> { ["src"] = ["web", "app"], ["q"] = ["cats"] },
        Headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-Trace"] = ["t1", "t2"],
            ["Content-Type"] = ["application/json"],
        },
        Body = """{"name":"Spot","tags":["a","b"],"owner":{"id":12},"price":9.5}""",
    };

    private static readonly Dictionary<string, object?> Context = new()
    {
        ["requestId"] = "req-1",
        ["identity"] = new Dictionary<string, object?> { ["sourceIp"] = "192.0.2.1" },
        ["requestTimeEpoch"] = 1700000000000L,
    };

    private static readonly Dictionary<string, string> StageVariables = new() { ["env"] = "prod" };

    private static IntegrationRequestParameters MapRequest(Dictionary<string, string> parameters, MethodRequestData? request = null) =>
        new RequestParameterMapper(parameters).Map(new ParameterInputs
        {
            Request = request ?? Request,
            Context = Context,
            StageVariables = StageVariables,
        });

    [Fact]
    public void RequestParameters_MapEverySourceKind()
    {
        var mapped = MapRequest(new Dictionary<string, string>
        {
            ["integration.request.path.petId"] = "method.request.path.id",
            ["integration.request.querystring.source"] = "method.request.querystring.src",
            ["integration.request.querystring.all"] = "method.request.multivaluequerystring.src",
            ["integration.request.header.x-trace"] = "method.request.header.x-trace",
            ["integration.request.header.x-traces"] = "method.request.multivalueheader.X-Trace",
            ["integration.request.header.x-env"] = "stageVariables.env",
            ["integration.request.header.x-request-id"] = "context.requestId",
            ["integration.request.header.x-source-ip"] = "context.identity.sourceIp",
            ["integration.request.header.x-time"] = "context.requestTimeEpoch",
            ["integration.request.header.x-static"] = "'static value'",
        });

        Assert.Null(mapped.Error);
        Assert.Equal("7", mapped.Path["petId"]);
        Assert.Equal(["app"], mapped.QueryString["source"]);
        Assert.Equal(["web", "app"], mapped.QueryString["all"]);
        Assert.Equal("t2", mapped.Headers["x-trace"]);
        Assert.Equal("t1,t2", mapped.Headers["x-traces"]);
        Assert.Equal("prod", mapped.Headers["x-env"]);
        Assert.Equal("req-1", mapped.Headers["x-request-id"]);
        Assert.Equal("192.0.2.1", mapped.Headers["x-source-ip"]);
        Assert.Equal("1700000000000", mapped.Headers["x-time"]);
        Assert.Equal("static value", mapped.Headers["x-static"]);
    }

    [Fact]
    public void RequestParameters_ReadTheBodyAndItsJsonPaths()
    {
        var mapped = MapRequest(new Dictionary<string, string>
        {
            ["integration.request.header.x-body"] = "method.request.body",
            ["integration.request.header.x-name"] = "method.request.body.name",
            ["integration.request.header.x-owner"] = "method.request.body.owner.id",
            ["integration.request.header.x-tags"] = "method.request.body.tags",
            ["integration.request.header.x-first-tag"] = "method.request.body.tags[0]",
            ["integration.request.header.x-price"] = "method.request.body.price",
            ["integration.request.querystring.missing"] = "method.request.body.nothing.here",
        });

        Assert.Null(mapped.Error);
        Assert.Equal(Request.Body, mapped.Headers["x-body"]);
        Assert.Equal("Spot", mapped.Headers["x-name"]);
        Assert.Equal("12", mapped.Headers["x-owner"]);
        Assert.Equal("""["a","b"]""", mapped.Headers["x-tags"]);
        Assert.Equal("a", mapped.Headers["x-first-tag"]);
        Assert.Equal("9.5", mapped.Headers["x-price"]);
        Assert.False(mapped.QueryString.ContainsKey("missing"));
    }

    [Fact]
    public void MissingSources_LeaveTheTargetUnset()
    {
        var mapped = MapRequest(new Dictionary<string, string>
        {
            ["integration.request.header.a"] = "method.request.header.Absent",
            ["integration.request.header.b"] = "stageVariables.absent",
            ["integration.request.header.c"] = "context.identity.absent",
            ["integration.request.path.d"] = "method.request.path.absent",
        });

        Assert.Empty(mapped.Headers);
        Assert.Empty(mapped.Path);
    }

    [Fact]
    public void BodyThatLooksLikeJsonButIsNot_IsA400()
    {
        var mapped = MapRequest(
            new Dictionary<string, string> { ["integration.request.header.x-name"] = "method.request.body.name" },
            Request with { Body = "{\"name\":" });

        Assert.NotNull(mapped.Error);
        Assert.Same(GatewayResponseType.Default4xx, mapped.Error.Type);
        Assert.Equal(400, mapped.Error.DefaultStatusCode);
        Assert.Equal("Invalid JSON in request body", mapped.Error.Message);
    }

    [Fact]
    public void NonJsonBody_HasNoFields_AndEmptyBodyReadsAsAnEmptyObject()
    {
        var parameters = new Dictionary<string, string>
        {
            ["integration.request.header.x-name"] = "method.request.body.name",
            ["integration.request.header.x-body"] = "method.request.body",
        };

        var text = MapRequest(parameters, Request with { Body = "name=Spot" });
        var empty = MapRequest(parameters, Request with { Body = null });

        Assert.Null(text.Error);
        Assert.False(text.Headers.ContainsKey("x-name"));
        Assert.Equal("name=Spot", text.Headers["x-body"]);
        Assert.Equal("{}", empty.Headers["x-body"]);
    }

    [Theory]
    [InlineData("integration.request.header.x", "method.request.cookie.y")]
    [InlineData("integration.request.header.x", "integration.response.header.y")]
    [InlineData("integration.request.header.x", "nonsense")]
    [InlineData("integration.request.body.x", "'v'")]
    [InlineData("method.request.header.x", "'v'")]
    public void InvalidExpressions_AreRefusedWhenCompiled(string target, string source)
    {
        Assert.Throws<FormatException>(() => new RequestParameterMapper(new Dictionary<string, string> { [target] = source }));
    }

    [Fact]
    public void MethodResponses_CannotReadTheMethodRequest_ButGatewayResponsesCan()
    {
        var fromRequest = new Dictionary<string, string> { ["method.response.header.X"] = "method.request.header.Y" };
        var gateway = new Dictionary<string, string> { ["gatewayresponse.header.X"] = "method.request.header.Y" };
        var gatewayFromResponse = new Dictionary<string, string> { ["gatewayresponse.header.X"] = "integration.response.header.Y" };

        Assert.Throws<FormatException>(() => new ResponseParameterMapper(fromRequest));
        Assert.Throws<FormatException>(() => new ResponseParameterMapper(gatewayFromResponse, "gatewayresponse.header."));
        Assert.NotNull(new ResponseParameterMapper(gateway, "gatewayresponse.header."));
    }

    [Fact]
    public void ResponseParameters_MapHeadersBodyAndStaticValues()
    {
        var mapper = new ResponseParameterMapper(new Dictionary<string, string>
        {
            ["method.response.header.Location"] = "integration.response.body.redirect.url",
            ["method.response.header.X-Version"] = "integration.response.header.x-version",
            ["method.response.header.Set-Cookie"] = "integration.response.multivalueheader.Set-Cookie",
            ["method.response.header.X-Body"] = "integration.response.body",
            ["method.response.header.Access-Control-Allow-Origin"] = "'*'",
            ["method.response.header.X-Env"] = "stageVariables.env",
            ["method.response.header.X-Request-Id"] = "context.requestId",
        });
        var response = new IntegrationResponseData
        {
            StatusCode = 302,
            Headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
            {
                ["X-Version"] = ["3"],
                ["Set-Cookie"] = ["a=1", "b=2"],
            },
            Body = """{"redirect":{"url":"https://example.com/next"}}""",
        };

        var mapped = mapper.Map(new ParameterInputs { Response = response, Context = Context, StageVariables = StageVariables });

        Assert.Null(mapped.Error);
        Assert.Equal("https://example.com/next", mapped.Headers["Location"]);
        Assert.Equal("3", mapped.Headers["X-Version"]);
        Assert.Equal("a=1,b=2", mapped.Headers["Set-Cookie"]);
        Assert.Equal(response.Body, mapped.Headers["X-Body"]);
        Assert.Equal("*", mapped.Headers["Access-Control-Allow-Origin"]);
        Assert.Equal("prod", mapped.Headers["X-Env"]);
        Assert.Equal("req-1", mapped.Headers["X-Request-Id"]);
    }

    [Fact]
    public void ResponseBodyThatLooksLikeJsonButIsNot_IsA500()
    {
        var mapper = new ResponseParameterMapper(new Dictionary<string, string>
        {
            ["method.response.header.X-Id"] = "integration.response.body.id",
        });

        var mapped = mapper.Map(new ParameterInputs { Response = new IntegrationResponseData { Body = "[1," } });

        Assert.Equal(500, mapped.Error?.DefaultStatusCode);
        Assert.Equal("Internal server error", mapped.Error?.Message);
    }
}
