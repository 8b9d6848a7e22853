using OrleansGateway.Mapping.Templates;

namespace OrleansGateway.Core.Tests.Mapping;

public sealed class RequestTemplateSelectorTests
{
    private static readonly Dictionary<string, string> JsonTemplate = new() { ["application/json"] = "json-template" };
    private static readonly Dictionary<string, string> XmlTemplate = new() { ["application/xml"] = "xml-template" };
    private static readonly Dictionary<string, string> NoTemplates = [];

    private static Dictionary<string, string> Templates(string set) => set switch
    {
        "json" => JsonTemplate,
        "xml" => XmlTemplate,
        _ => NoTemplates,
    };

    // AWS's passthrough tables: example 1 (one application/json template), example 2 (one
    // application/xml template), example 3 (no templates); rows are the request Content-Type.
    [Theory]
    [InlineData("json", null, "WHEN_NO_MATCH", "Transform:json-template")]
    [InlineData("json", null, "WHEN_NO_TEMPLATES", "Transform:json-template")]
    [InlineData("json", null, "NEVER", "Transform:json-template")]
    [InlineData("json", "application/json", "WHEN_NO_MATCH", "Transform:json-template")]
    [InlineData("json", "application/json", "WHEN_NO_TEMPLATES", "Transform:json-template")]
    [InlineData("json", "application/json", "NEVER", "Transform:json-template")]
    [InlineData("json", "application/xml", "WHEN_NO_MATCH", "PassThrough:")]
    [InlineData("json", "application/xml", "WHEN_NO_TEMPLATES", "Reject:")]
    [InlineData("json", "application/xml", "NEVER", "Reject:")]
    [InlineData("xml", null, "WHEN_NO_MATCH", "PassThrough:")]
    [InlineData("xml", null, "WHEN_NO_TEMPLATES", "Reject:")]
    [InlineData("xml", null, "NEVER", "Reject:")]
    [InlineData("xml", "application/json", "WHEN_NO_MATCH", "PassThrough:")]
    [InlineData("xml", "application/json", "WHEN_NO_TEMPLATES", "Reject:")]
    [InlineData("xml", "application/json", "NEVER", "Reject:")]
    [InlineData("xml", "application/xml", "WHEN_NO_MATCH", "Transform:xml-template")]
    [InlineData("xml", "application/xml", "WHEN_NO_TEMPLATES", "Transform:xml-template")]
    [InlineData("xml", "application/xml", "NEVER", "Transform:xml-template")]
    [InlineData("none", null, "WHEN_NO_MATCH", "PassThrough:")]
    [InlineData("none", null, "WHEN_NO_TEMPLATES", "PassThrough:")]
    [InlineData("none", null, "NEVER", "Reject:")]
    [InlineData("none", "application/json", "WHEN_NO_MATCH", "PassThrough:")]
    [InlineData("none", "application/json", "WHEN_NO_TEMPLATES", "PassThrough:")]
    [InlineData("none", "application/json", "NEVER", "Reject:")]
    [InlineData("none", "application/xml", "WHEN_NO_MATCH", "PassThrough:")]
    [InlineData("none", "application/xml", "WHEN_NO_TEMPLATES", "PassThrough:")]
    [InlineData("none", "application/xml", "NEVER", "Reject:")]
    public void FollowsAwsPassthroughTables(string templates, string? contentType, string behavior, string expected)
    {
        var choice = RequestTemplateSelector.Select(
            Templates(templates), contentType, PassthroughBehaviorNames.Parse(behavior));

        Assert.Equal(expected, $"{choice.Disposition}:{choice.Template}");
    }

    [Fact]
    public void MediaTypeParametersAndCase_DoNotPreventAMatch()
    {
        var choice = RequestTemplateSelector.Select(
            JsonTemplate, "Application/JSON; charset=UTF-8", PassthroughBehavior.Never);

        Assert.Equal(RequestBodyDisposition.Transform, choice.Disposition);
        Assert.Equal("application/json", choice.ContentType);
    }

    [Fact]
    public void MissingPassthroughBehavior_IsWhenNoMatch()
    {
        Assert.Equal(PassthroughBehavior.WhenNoMatch, PassthroughBehaviorNames.Parse(null));
        Assert.Equal("WHEN_NO_TEMPLATES", PassthroughBehaviorNames.ToWire(PassthroughBehavior.WhenNoTemplates));
        Assert.Throws<ArgumentException>(() => PassthroughBehaviorNames.Parse("SOMETIMES"));
    }
}
