using OrleansGateway.Errors;
using OrleansGateway.Patching;
using OrleansGateway.RestApis;

namespace OrleansGateway.Core.Tests.Patching;

public sealed class JsonPatcherTests
{
    private static readonly PatchRule[] Rules =
    [
        new("/timeoutInMillis", "replace"), new("/requestTemplates/*", "add", "replace", "remove"), new("/tlsConfig/insecureSkipVerification", "replace"),
    ];

    private static readonly RestIntegration Integration = new() { Type = "HTTP", TimeoutInMillis = 29000 };

    [Fact]
    public void StringValues_TakeTheMembersType_AndMissingMapsAreCreated()
    {
        var patched = JsonPatcher.Apply(Integration,
        [
            new PatchOperation { Op = "replace", Path = "/timeoutInMillis", Value = "1000" },
            new PatchOperation { Op = "add", Path = "/requestTemplates/application~1json", Value = "{}" },
            new PatchOperation { Op = "replace", Path = "/tlsConfig/insecureSkipVerification", Value = "true" },
        ], Rules);

        Assert.Equal(1000, patched.TimeoutInMillis);
        Assert.Equal("{}", patched.RequestTemplates!["application/json"]);
        Assert.True(patched.TlsConfig!.InsecureSkipVerification);
        Assert.Equal(29000, Integration.TimeoutInMillis);
    }

    [Fact]
    public void RemovedMapEntry_IsGone()
    {
        var withTemplate = Integration with { RequestTemplates = new() { ["text/plain"] = "x", ["application/json"] = "y" } };
        var patched = JsonPatcher.Apply(withTemplate, [new PatchOperation { Op = "remove", Path = "/requestTemplates/text~1plain" }], Rules);
        Assert.Equal(["application/json"], patched.RequestTemplates!.Keys);
    }

    [Fact]
    public void ListItem_IsReplacedByIndex()
    {
        var api = new RestApiDefinition { Id = "a", Name = "n", RootResourceId = "r", EndpointConfiguration = new() { Types = ["EDGE"] } };
        var patched = JsonPatcher.Apply(api, [new PatchOperation { Op = "replace", Path = "/endpointConfiguration/types/0", Value = "REGIONAL" }],
            [new PatchRule("/endpointConfiguration/types/0", "replace")]);
        Assert.Equal(["REGIONAL"], patched.EndpointConfiguration!.Types!);
    }

    [Fact]
    public void ValueOfTheWrongKind_IsABadRequest()
    {
        var error = Assert.Throws<ApiGatewayException>(() =>
            JsonPatcher.Apply(Integration, [new PatchOperation { Op = "replace", Path = "/timeoutInMillis", Value = "soon" }], Rules));
        Assert.Equal("BadRequestException", error.ErrorType);
    }

    [Fact]
    public void PathOutsideTheRules_NamesThePathsTheOpTakes()
    {
        var error = Assert.Throws<ApiGatewayException>(() =>
            JsonPatcher.Apply(Integration, [new PatchOperation { Op = "add", Path = "/uri", Value = "x" }], Rules));
        Assert.Equal("Invalid patch path  '/uri' specified for op 'add'. Must be one of: [/requestTemplates/*]", error.Message);
    }
}
