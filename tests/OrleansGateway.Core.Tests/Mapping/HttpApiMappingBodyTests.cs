using OrleansGateway.Mapping.HttpApi;

namespace OrleansGateway.Core.Tests.Mapping;

public sealed class HttpApiMappingBodyTests
{
    private const string Order = """{"name":"Ann","total":12.5,"paid":true,"note":null,"items":[{"id":7},{"id":8}],"address":{"city":"Oslo"}}""";

    [Theory]
    [InlineData("name", "Ann")]
    [InlineData("total", "12.5")]
    [InlineData("paid", "true")]
    [InlineData("items[1].id", "8")]
    [InlineData("['name']", "Ann")]
    [InlineData("address", """{"city":"Oslo"}""")]
    [InlineData("address.city", "Oslo")]
    [InlineData("items", """[{"id":7},{"id":8}]""")]
    public void JsonPath_SelectsValues_StringsBare_StructuresAsJson(string path, string expected) =>
        Assert.Equal(expected, new HttpApiMappingBody(Order).Read(path));

    [Theory]
    [InlineData("missing")]
    [InlineData("note")]
    [InlineData("items[5].id")]
    [InlineData("..id")]
    [InlineData("items[?(@.id > 7)].id")]
    [InlineData("items[")]
    public void NoMatch_UnsupportedOrMalformedPath_GivesNoValue(string path) =>
        Assert.Null(new HttpApiMappingBody(Order).Read(path));

    [Fact]
    public void EmptyPath_IsTheWholeBody_AndAnEmptyBodyIsNoValue()
    {
        Assert.Equal(Order, new HttpApiMappingBody(Order).Read(""));
        Assert.Null(new HttpApiMappingBody("").Read(""));
    }

    [Fact]
    public void BodyThatIsNotJson_HasNoFields()
    {
        Assert.Null(new HttpApiMappingBody("name=Ann").Read("name"));
        Assert.Null(new HttpApiMappingBody("""{"name":""").Read("name"));
    }

    [Fact]
    public void JsonPath_SeesOnlyTheFirst100KB_TheWholeBodyIsKept()
    {
        var padding = new string('x', HttpApiMappingBody.MaxSelectedChars);
        var early = $$"""{"name":"Ann","pad":"{{padding}}"}""";
        var late = $$"""{"pad":"{{padding}}","name":"Ann"}""";

        // Cut at 100 KB neither document is complete JSON any more, as on AWS, so nothing is selected.
        Assert.Null(new HttpApiMappingBody(early).Read("name"));
        Assert.Null(new HttpApiMappingBody(late).Read("name"));
        Assert.Equal(late, new HttpApiMappingBody(late).Read(""));
        Assert.Equal("Ann", new HttpApiMappingBody($$"""{"name":"Ann","pad":"{{padding[..1000]}}"}""").Read("name"));
    }

    [Fact]
    public void Mappings_SayWhetherTheyReadABody()
    {
        var reads = HttpApiRequestMapping.Compile(new Dictionary<string, string> { ["overwrite:header.x-name"] = "id-${request.body.name}" }, null);
        var readsNot = HttpApiRequestMapping.Compile(new Dictionary<string, string> { ["overwrite:header.x-id"] = "$request.path.id" }, null);
        var response = HttpApiResponseMapping.Compile(
            new Dictionary<string, Dictionary<string, string>> { ["200"] = new() { ["overwrite:header.x-total"] = "$response.body.total" } }, null);

        Assert.True(reads.ReadsBody);
        Assert.False(readsNot.ReadsBody);
        Assert.True(response.ReadsBody(200));
        Assert.False(response.ReadsBody(404));
    }
}
