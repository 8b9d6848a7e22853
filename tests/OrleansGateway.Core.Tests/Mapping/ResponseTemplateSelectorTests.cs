using OrleansGateway.Mapping.Templates;

namespace OrleansGateway.Core.Tests.Mapping;

public sealed class ResponseTemplateSelectorTests
{
    private static readonly Dictionary<string, string> Templates = new()
    {
        ["application/xml"] = "xml",
        ["application/json"] = "json",
        ["text/html"] = "html",
    };

    [Theory]
    [InlineData("text/html", "html")]
    [InlineData("application/xml;q=0.9", "xml")]
    [InlineData("image/png, text/html", "html")]
    [InlineData("*/*", "json")]
    [InlineData(null, "json")]
    [InlineData("image/png", "json")]
    public void ChoosesByAccept_ThenApplicationJson(string? accept, string expected)
    {
        Assert.Equal(expected, ResponseTemplateSelector.Select(Templates, accept)?.Value);
    }

    [Fact]
    public void WithoutAJsonTemplate_FallsBackToTheFirst()
    {
        var templates = new Dictionary<string, string> { ["application/xml"] = "xml", ["text/plain"] = "text" };

        Assert.Equal("xml", ResponseTemplateSelector.Select(templates, "image/png")?.Value);
    }

    [Fact]
    public void NoTemplates_MeansPassThrough()
    {
        Assert.Null(ResponseTemplateSelector.Select(new Dictionary<string, string>(), "application/json"));
        Assert.Null(ResponseTemplateSelector.Select<string>(null, null));
    }
}
