using OrleansGateway.Mapping.HttpApi;

namespace OrleansGateway.Core.Tests.Mapping;

public sealed class HttpApiResponseMappingTests
{
    private static readonly HttpApiResponseMapping Mapping = HttpApiResponseMapping.Compile(
        new Dictionary<string, Dictionary<string, string>>
        {
            ["500"] = new()
            {
                ["overwrite:statuscode"] = "503",
                ["append:header.x-error"] = "backend said ${response.header.x-reason}",
                ["remove:header.server"] = "",
            },
            ["404"] = new() { ["overwrite:header.x-stage"] = "${stageVariables.env}" },
            ["bad"] = new() { ["overwrite:statuscode"] = "200" },
        },
        new Dictionary<string, string> { ["env"] = "prod" });

    [Fact]
    public void MappingsForTheStatusCode_Apply()
    {
        var headers = new RecordedHeaders();
        headers.Append("server", "kestrel");
        var source = new DictionarySource { ResponseHeaders = new(StringComparer.OrdinalIgnoreCase) { ["X-Reason"] = "db down" } };

        var status = Mapping.Apply(500, source, headers);

        Assert.Equal(503, status);
        Assert.Equal(["backend said db down"], headers.Values["x-error"]);
        Assert.False(headers.Values.ContainsKey("server"));
    }

    [Fact]
    public void OtherStatusCodes_AreLeftAlone()
    {
        var headers = new RecordedHeaders();
        Assert.Equal(200, Mapping.Apply(200, new DictionarySource(), headers));
        Assert.Empty(headers.Values);
    }

    [Fact]
    public void HeaderOnlyMapping_KeepsTheStatusCode()
    {
        var headers = new RecordedHeaders();
        Assert.Equal(404, Mapping.Apply(404, new DictionarySource(), headers));
        Assert.Equal(["prod"], headers.Values["x-stage"]);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99")]
    [InlineData("600")]
    [InlineData("$response.header.missing")]
    public void InvalidStatusCodeValue_KeepsTheIntegrationsStatus(string value)
    {
        var mapping = HttpApiResponseMapping.Compile(
            new Dictionary<string, Dictionary<string, string>> { ["201"] = new() { ["overwrite:statuscode"] = value } }, null);
        Assert.Equal(201, mapping.Apply(201, new DictionarySource(), new RecordedHeaders()));
    }
}
