using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane.RestApis;

/// <summary>
/// The AWS SDK for JavaScript v3's <c>@aws-sdk/client-api-gateway</c>, unmodified, through one realistic
/// session (client-api-gateway.mjs): what it parses from every answer, the stage called with fetch,
/// and the error classes and messages it raises.
/// </summary>
public sealed class RestApiJavaScriptSdkTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>
{
    private const string Package = "@aws-sdk/client-api-gateway";

    [Fact]
    public async Task JavaScriptSdk_BuildsDeploysExportsImportsKeysTagsTestInvokesAndDeletes()
    {
        NodeScript.RequirePackage(Package);
        var seen = (await NodeScript.RunAsync(
            "ControlPlane/RestApis/client-api-gateway.mjs", TimeSpan.FromSeconds(120),
            fixture.Edge.AdminUrl, fixture.Edge.DataUrl, fixture.Backend.Url)).Json();

        Assert.Equal("""{"name":"js-pets","createdIsDate":true,"tags":{"team":"js"}}""", seen.GetProperty("created").GetRawText());
        Assert.Equal("""["/"]""", seen.GetProperty("rootPaths").GetRawText());
        Assert.Equal("""["/pets","/pets/{petId}"]""", seen.GetProperty("resourcePaths").GetRawText());

        var mock = seen.GetProperty("mock");
        Assert.Equal("MOCK", mock.GetProperty("type").GetString());
        Assert.Equal("WHEN_NO_MATCH", mock.GetProperty("passthroughBehavior").GetString());
        Assert.StartsWith("{\"pets\":[1,2]", mock.GetProperty("responseTemplates").GetProperty("application/json").GetString());
        var http = seen.GetProperty("http");
        Assert.Equal("HTTP", http.GetProperty("type").GetString());
        Assert.Equal($"{fixture.Backend.Url}/animals/{{id}}", http.GetProperty("uri").GetString());
        Assert.Equal(29000, http.GetProperty("timeoutInMillis").GetInt32());
        Assert.Equal("""{"integration.request.path.id":"method.request.path.petId"}""", http.GetProperty("requestParameters").GetRawText());
        Assert.Equal("""{"requestParameters":{"method.request.path.petId":true},"integrationType":"HTTP","responses":["200"]}""", seen.GetProperty("method").GetRawText());

        var stage = seen.GetProperty("stage");
        Assert.Equal("""["prod",true,{"color":"blue"}]""", stage.GetProperty("created").GetRawText());
        Assert.Equal("""["prod",true,true]""", stage.GetProperty("got").GetRawText());
        Assert.Equal("""[{"color":"green"},"production",true]""", stage.GetProperty("updated").GetRawText());

        var fetched = seen.GetProperty("fetched");
        Assert.Equal("""{"status":200,"kind":"mock","body":{"pets":[1,2],"stage":"prod","color":"green"}}""", fetched.GetProperty("mock").GetRawText());
        Assert.Equal("""{"status":200,"kind":null,"body":{"backendPath":"/animals/42","backendMethod":"GET"}}""", fetched.GetProperty("http").GetRawText());
        Assert.Equal("""{"status":200,"body":{"backendPath":"/animals/7","backendMethod":"GET"},"hasLog":true,"latencyIsNumber":true}""", seen.GetProperty("testInvoke").GetRawText());

        Assert.Equal("""{"contentType":"application/json","openapi":"3.0.1","title":"js-pets","paths":["/pets","/pets/{petId}"],"integrationType":"http"}""", seen.GetProperty("export").GetRawText());
        Assert.Equal("""{"name":"js-pets","mergedName":"merged","paths":["/","/owners","/pets","/pets/{petId}"]}""", seen.GetProperty("imported").GetRawText());

        var keys = seen.GetProperty("keys");
        Assert.Equal("js-key-value-0123456789", keys.GetProperty("createdValue").GetString());
        Assert.Equal("""["js-key-value-0123456789"]""", keys.GetProperty("listedValues").GetRawText());
        Assert.Equal("[null]", keys.GetProperty("hiddenValues").GetRawText());
        Assert.Equal("""[{"burstLimit":10,"rateLimit":5},{"limit":1000,"period":"DAY"}]""", JsonSerializer.Serialize(keys.GetProperty("plan").EnumerateArray().Skip(2)));
        Assert.Equal("js-plan", keys.GetProperty("plan")[0].GetString());
        Assert.Equal("prod", keys.GetProperty("plan")[1][0].GetProperty("stage").GetString());
        Assert.Equal("""[true,"API_KEY","js-key"]""", keys.GetProperty("planKey").GetRawText());
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"""[true,"{today}","{today}","object"]""", keys.GetProperty("usage").GetRawText());

        Assert.Equal("""{"api":{"team":"js","env":"dev"},"stage":{"tier":"gold"}}""", seen.GetProperty("tags").GetRawText());

        var errors = seen.GetProperty("errors");
        AssertError(errors, "unknownApi", 404, "NotFoundException", "Invalid API identifier specified 000000000000:nope000000");
        AssertError(errors, "unknownResource", 404, "NotFoundException", "Invalid Resource identifier specified");
        AssertError(errors, "unknownMethod", 404, "NotFoundException", "Invalid Method identifier specified");
        AssertError(errors, "unknownStage", 404, "NotFoundException", "Invalid stage identifier specified");
        AssertError(errors, "unknownKey", 404, "NotFoundException", "Invalid API Key identifier specified");
        AssertError(errors, "unknownPlan", 404, "NotFoundException", "Invalid Usage Plan ID specified");
        AssertError(errors, "badPatchPath", 400, "BadRequestException", "Invalid method setting path: /nope. Must be one of: [/deploymentId, ");
        AssertError(errors, "badRestApiPatchPath", 400, "BadRequestException", "Invalid patch path  '/nope' specified for op 'replace'. Must be one of: [");
        AssertError(errors, "duplicateResource", 409, "ConflictException", "Another resource with the same parent already has this name: pets");
        AssertError(errors, "duplicateStage", 409, "ConflictException", "Stage already exists");
        AssertError(errors, "duplicateKeyValue", 409, "ConflictException", "API Key already exists");
        AssertError(errors, "duplicatePlanKey", 409, "ConflictException", "Usage Plan Key already exists");

        Assert.Equal("NotFoundException", seen.GetProperty("afterDelete").GetProperty("name").GetString());
        Assert.True(seen.GetProperty("unknownApiMessageNamesId").GetBoolean());
    }

    /// <summary>The SDK raised <paramref name="name"/> (a client fault) with a message starting <paramref name="message"/>.</summary>
    private static void AssertError(JsonElement errors, string call, int status, string name, string message)
    {
        var error = errors.GetProperty(call);
        Assert.True(error.ValueKind == JsonValueKind.Object, $"{call} succeeded");
        Assert.Equal(name, error.GetProperty("name").GetString());
        Assert.StartsWith(message, error.GetProperty("message").GetString());
        Assert.Equal(status, error.GetProperty("status").GetInt32());
        Assert.Equal("client", error.GetProperty("fault").GetString());
    }
}
