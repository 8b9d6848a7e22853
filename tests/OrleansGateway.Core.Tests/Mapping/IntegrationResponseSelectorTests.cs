using OrleansGateway.Mapping.Selection;

namespace OrleansGateway.Core.Tests.Mapping;

public sealed class IntegrationResponseSelectorTests
{
    private static readonly IntegrationResponseDefinition Ok = new() { StatusCode = "200" };
    private static readonly IntegrationResponseDefinition ClientError = new() { StatusCode = "400", SelectionPattern = "4\\d{2}" };
    private static readonly IntegrationResponseDefinition NotFound = new() { StatusCode = "404", SelectionPattern = ".*Not Found.*" };
    private static readonly IntegrationResponseDefinition ServerError = new() { StatusCode = "500", SelectionPattern = "5\\d{2}" };

    [Theory]
    [InlineData(200, "200")]
    [InlineData(201, "200")]
    [InlineData(404, "400")]
    [InlineData(503, "500")]
    public void HttpIntegrations_MatchTheStatusCode(int backendStatus, string expected)
    {
        var selector = new IntegrationResponseSelector([Ok, ClientError, ServerError]);

        Assert.Equal(expected, selector.ForStatusCode(backendStatus)?.StatusCode);
    }

    [Fact]
    public void Patterns_MustMatchTheWholeValue_AsJavasPatternMatchesDoes()
    {
        var selector = new IntegrationResponseSelector([Ok, new() { StatusCode = "400", SelectionPattern = "4" }]);

        Assert.Equal("200", selector.ForStatusCode(404)?.StatusCode);
    }

    [Fact]
    public void LambdaIntegrations_MatchTheErrorMessage()
    {
        var selector = new IntegrationResponseSelector([Ok, NotFound, new() { StatusCode = "500", SelectionPattern = "(\\n|.)*Error(\\n|.)*" }]);

        Assert.Equal("404", selector.ForLambdaError("Pet 7 Not Found")?.StatusCode);
        Assert.Equal("500", selector.ForLambdaError("Internal Error\nat line 3")?.StatusCode);
        Assert.Equal("200", selector.ForLambdaError("something else")?.StatusCode);
        Assert.Equal("200", selector.ForLambdaError(null)?.StatusCode);
    }

    [Fact]
    public void DotDoesNotCrossLines_AsInJava()
    {
        var selector = new IntegrationResponseSelector([Ok, new() { StatusCode = "400", SelectionPattern = ".+" }]);

        Assert.Equal("400", selector.ForLambdaError("bad input")?.StatusCode);
        Assert.Equal("200", selector.ForLambdaError("bad\ninput")?.StatusCode);
    }

    [Fact]
    public void NoMatchAndNoDefault_IsNull_ForApiConfigurationError()
    {
        var selector = new IntegrationResponseSelector([ClientError]);

        Assert.Null(selector.ForStatusCode(200));
        Assert.Null(new IntegrationResponseSelector([]).ForStatusCode(200));
    }

    [Fact]
    public void EmptyPattern_IsTheDefault()
    {
        var selector = new IntegrationResponseSelector([ClientError, new() { StatusCode = "202", SelectionPattern = "" }]);

        Assert.Equal("202", selector.ForStatusCode(200)?.StatusCode);
    }

    [Theory]
    [InlineData("\\QPet.Not\\E.*", "Pet.Not found", true)]
    [InlineData("\\QPet.Not\\E.*", "PetXNot found", false)]
    [InlineData("\\p{Upper}\\p{Lower}*", "Invalid", true)]
    [InlineData("\\p{Upper}\\p{Lower}*", "invalid", false)]
    [InlineData("Error: \\d+", "Error: ٣", false)]
    public void JavaOnlyConstructs_AreUnderstood(string pattern, string value, bool matches)
    {
        Assert.Equal(matches, new SelectionPattern(pattern).Matches(value));
    }

    [Theory]
    [InlineData("""{"errorMessage":"Pet 7 Not Found","errorType":"NotFound"}""", "Pet 7 Not Found")]
    [InlineData("""{"result":1}""", null)]
    [InlineData("not json", null)]
    [InlineData(null, null)]
    public void LambdaErrorMessage_IsReadFromTheErrorPayload(string? payload, string? expected)
    {
        Assert.Equal(expected, LambdaErrorMessage.From(payload));
    }

    [Theory]
    [InlineData("""{"statusCode": 404}""", 404)]
    [InlineData("""{"statusCode": "201"}""", 201)]
    [InlineData("{}", 200)]
    [InlineData("", 200)]
    [InlineData("<xml/>", 200)]
    public void MockIntegrations_AnswerWithTheTemplatesStatusCode(string body, int expected)
    {
        Assert.Equal(expected, MockIntegrationStatus.From(body));
    }
}
