using OrleansGateway.Mapping.HttpApi;

namespace OrleansGateway.Core.Tests.Mapping;

public sealed class MappingValueTests
{
    private static readonly DictionarySource Request = new()
    {
        Headers = new(StringComparer.OrdinalIgnoreCase) { ["X-Id"] = "abc", ["Accept"] = "a,b" },
        Query = QueryParameters.Parse("?q=1&q=2&name=Bob"),
        Path = "/pets/7",
        PathParameters = new() { ["petId"] = "7" },
        Context = new() { ["requestId"] = "req-1", ["identity.sourceIp"] = "127.0.0.1" },
        RequestBody = new HttpApiMappingBody("""{"name":"Ann","items":[{"id":7},{"id":8}]}"""),
        ResponseBody = new HttpApiMappingBody("""{"total":3}"""),
    };

    [Theory]
    [InlineData("$request.header.x-id", "abc")]
    [InlineData("${request.header.X-ID}", "abc")]
    [InlineData("$request.header.accept", "a,b")]
    [InlineData("$request.querystring.q", "1,2")]
    [InlineData("$request.querystring.Name", "")]
    [InlineData("$request.path", "/pets/7")]
    [InlineData("${request.path}", "/pets/7")]
    [InlineData("$request.path.petId", "7")]
    [InlineData("$context.requestId", "req-1")]
    [InlineData("${context.identity.sourceIp}", "127.0.0.1")]
    [InlineData("$stageVariables.env", "prod")]
    [InlineData("static text", "static text")]
    [InlineData("${request.path.petId}-${stageVariables.env}", "7-prod")]
    [InlineData("pet $request.path.petId/toys", "pet 7/toys")]
    [InlineData("$request.header.missing", "")]
    [InlineData("$stageVariables.missing", "")]
    [InlineData("costs $5", "costs $5")]
    [InlineData("$unknown.thing", "$unknown.thing")]
    [InlineData("${unclosed", "${unclosed")]
    [InlineData("$request.body.name", "Ann")]
    [InlineData("$request.body.items[0].id", "7")]
    [InlineData("$request.body['name']", "Ann")]
    [InlineData("${request.body.items[1].id}-$request.path.petId", "8-7")]
    [InlineData("order of $request.body.name", "order of Ann")]
    [InlineData("$request.body", """{"name":"Ann","items":[{"id":7},{"id":8}]}""")]
    [InlineData("total=$response.body.total", "total=3")]
    public void Evaluate_ReadsTheRequestAndStage(string expression, string expected)
    {
        var value = MappingValue.Parse(expression, new Dictionary<string, string> { ["env"] = "prod" });
        Assert.Equal(expected, value.Evaluate(Request));
    }

    [Fact]
    public void StageVariables_BecomeStaticTextWhenCompiled()
    {
        var value = MappingValue.Parse("${stageVariables.env}-x", new Dictionary<string, string> { ["env"] = "beta" });
        var part = Assert.Single(value.Parts);
        Assert.True(part.IsLiteral);
        Assert.Equal("beta-x", part.Text);
    }
}
