using OrleansGateway.Mapping.GatewayResponses;
using OrleansGateway.Mapping.Parameters;
using OrleansGateway.Validation;

namespace OrleansGateway.Core.Tests.Validation;

public sealed class ValidationGatewayResponseTests
{
    private static readonly ApiModelSchemas Models = new("api1", new Dictionary<string, string>
    {
        ["User"] = """{"$schema":"http://json-schema.org/draft-04/schema#","type":"object","required":["name"],"properties":{"name":{"type":"string"}}}""",
    });

    private static readonly MethodRequestRules Rules = new()
    {
        RequestModels = new Dictionary<string, string> { ["application/json"] = "User" },
        RequestParameters = new Dictionary<string, bool> { ["method.request.querystring.name"] = true },
    };

    private static GatewayResponseResult Respond(MethodRequestData request, params GatewayResponseDefinition[] customized)
    {
        var failure = new MethodRequestValidator(Models).Validate(new RequestValidatorSettings(true, true), Rules, request);
        Assert.NotNull(failure);
        return new GatewayResponseRenderer(new GatewayResponseResolver(customized))
            .Render(failure.ToGatewayError(), new ParameterInputs { Request = request });
    }

    private static MethodRequestData WithQuery(string body) => new()
    {
        QueryString = new Dictionary<string, IReadOnlyList<string>> { ["name"] = ["x"] },
        Body = body,
    };

    [Fact]
    public void InvalidBody_Answers400InvalidRequestBody()
    {
        var response = Respond(WithQuery("{}"));

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("""{"message":"Invalid request body"}""", response.Body);
        Assert.Equal("BadRequestException", response.Headers["x-amzn-ErrorType"]);
    }

    [Fact]
    public void MissingParameter_Answers400WithTheParameterList()
    {
        var response = Respond(new MethodRequestData { Body = """{"name":"a"}""" });

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("""{"message":"Missing required request parameters: [name]"}""", response.Body);
    }

    [Fact]
    public void CustomizedBadRequestBody_ShowsTheValidationErrorString()
    {
        var customized = new GatewayResponseDefinition
        {
            ResponseType = "BAD_REQUEST_BODY",
            ResponseTemplates = new Dictionary<string, string>
            {
                ["application/json"] = """{"message": $context.error.messageString, "errors": "$context.error.validationErrorString"}""",
            },
        };

        var response = Respond(WithQuery("""{"name":5}"""), customized);

        Assert.Equal(
            """{"message": "Invalid request body", "errors": "[instance type (integer) does not match any allowed primitive type (allowed: [\"string\"])]"}""",
            response.Body);
    }
}
