using OrleansGateway.Mapping.Selection;
using OrleansGateway.Mapping.Templates;

namespace OrleansGateway.Core.Tests.Mapping;

public sealed class WebSocketTemplateSelectorTests
{
    private static readonly Dictionary<string, string> Templates = new()
    {
        ["sendMessage"] = "send-template",
        ["join"] = "join-template",
        ["$default"] = "default-template",
    };

    private static SelectionExpressionInputs Message(string body) => new() { Body = body };

    [Theory]
    [InlineData("""{"action":"sendMessage","text":"hi"}""", "Transform:sendMessage:send-template")]
    [InlineData("""{"action":"join"}""", "Transform:join:join-template")]
    [InlineData("""{"action":"leave"}""", "Transform:$default:default-template")]
    [InlineData("not json", "Transform:$default:default-template")]
    public void BodySelectionExpression_ChoosesTheTemplate(string body, string expected)
    {
        var selector = new WebSocketTemplateSelector(Templates, "$request.body.action", PassthroughBehavior.WhenNoMatch);

        var choice = selector.Select(Message(body));

        Assert.Equal(expected, $"{choice.Disposition}:{choice.ContentType}:{choice.Template}");
    }

    [Fact]
    public void EscapedDefault_AlwaysSelectsTheDefaultTemplate()
    {
        var selector = new WebSocketTemplateSelector(Templates, "\\$default", PassthroughBehavior.Never);

        Assert.Equal("default-template", selector.Select(Message("""{"action":"join"}""")).Template);
    }

    [Theory]
    [InlineData("WHEN_NO_MATCH", "PassThrough")]
    [InlineData("WHEN_NO_TEMPLATES", "Reject")]
    [InlineData("NEVER", "Reject")]
    public void NoMatchAndNoDefault_FollowsThePassthroughBehavior(string behavior, string expected)
    {
        var templates = new Dictionary<string, string> { ["join"] = "join-template" };
        var selector = new WebSocketTemplateSelector(templates, "$request.body.action", PassthroughBehaviorNames.Parse(behavior));

        Assert.Equal(expected, selector.Select(Message("""{"action":"leave"}""")).Disposition.ToString());
    }

    [Theory]
    [InlineData("$request.body.action", "send")]
    [InlineData("${request.body.version}-beta", "2-beta")]
    [InlineData("$request.body.meta.kind", "chat")]
    [InlineData("$request.body.meta", """{"kind":"chat"}""")]
    [InlineData("\\$default", "$default")]
    [InlineData("$request.header.X-Route:$request.querystring.room", "blue:lobby")]
    [InlineData("$context.stage/$stageVariables.env", "prod/live")]
    [InlineData("$request.body.missing", "")]
    public void SelectionExpressions_EvaluateOnce(string expression, string expected)
    {
        var inputs = new SelectionExpressionInputs
        {
            Body = """{"action":"send","version":2,"meta":{"kind":"chat"}}""",
            Headers = new Dictionary<string, string> { ["x-route"] = "blue" },
            QueryString = new Dictionary<string, string> { ["room"] = "lobby" },
            Context = new Dictionary<string, object?> { ["stage"] = "prod" },
            StageVariables = new Dictionary<string, string> { ["env"] = "live" },
        };

        Assert.Equal(expected, new SelectionExpression(expression).Evaluate(inputs));
    }
}
