using OrleansGateway.EndToEnd.Tests.ControlPlane.RestApis;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane.ApiKeys;

/// <summary>API keys through <c>aws apigateway</c>: stored and answered as AWS does (not enforced yet).</summary>
public sealed class ApiKeyCliTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>
{
    private readonly ApiGatewayCli _cli = new(fixture.Edge.AdminUrl);

    [Fact]
    public async Task CreateGetUpdateDelete_AnswersAsAws()
    {
        var created = await _cli.JsonAsync("create-api-key", "--name", "partner-a", "--description", "first", "--enabled",
            "--customer-id", "cust-1", "--stage-keys", "restApiId=abc123,stageName=prod", "--tags", "team=pets");
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal(40, created.GetProperty("value").GetString()!.Length);
        Assert.True(created.GetProperty("enabled").GetBoolean());
        Assert.Equal("abc123/prod", created.GetProperty("stageKeys")[0].GetString());
        Assert.Equal("pets", created.GetProperty("tags").GetProperty("team").GetString());

        var withoutValue = await _cli.JsonAsync("get-api-key", "--api-key", id);
        Assert.False(withoutValue.TryGetProperty("value", out _));
        var withValue = await _cli.JsonAsync("get-api-key", "--api-key", id, "--include-value");
        Assert.Equal(created.GetProperty("value").GetString(), withValue.GetProperty("value").GetString());

        var patched = await _cli.JsonAsync("update-api-key", "--api-key", id, "--patch-operations",
            "op=replace,path=/name,value=partner-b", "op=replace,path=/enabled,value=false",
            "op=add,path=/stages,value=abc123/beta", "op=remove,path=/stages,value=abc123/prod");
        Assert.Equal("partner-b", patched.GetProperty("name").GetString());
        Assert.False(patched.GetProperty("enabled").GetBoolean());
        Assert.Equal("abc123/beta", Assert.Single(patched.GetProperty("stageKeys").EnumerateArray()).GetString());

        Assert.Contains("BadRequestException", await _cli.ErrorAsync("update-api-key", "--api-key", id, "--patch-operations", "op=replace,path=/value,value=x"));

        await _cli.OkAsync("delete-api-key", "--api-key", id);
        var missing = await _cli.ErrorAsync("get-api-key", "--api-key", id);
        Assert.Contains("NotFoundException", missing);
        Assert.Contains("Invalid API Key identifier specified", missing);
    }

    [Fact]
    public async Task GivenValue_MustBeTwentyCharactersAndUnique()
    {
        var tooShort = await _cli.ErrorAsync("create-api-key", "--name", "short", "--value", "only-nineteen-chars");
        Assert.Contains("BadRequestException", tooShort);
        Assert.Contains("API Key value should be at least 20 characters", tooShort);

        var value = "given-value-" + Guid.NewGuid().ToString("N");
        var created = await _cli.JsonAsync("create-api-key", "--name", "given", "--value", value);
        Assert.Equal(value, created.GetProperty("value").GetString());
        Assert.Contains("ConflictException", await _cli.ErrorAsync("create-api-key", "--name", "again", "--value", value));
    }

    [Fact]
    public async Task GetApiKeys_FiltersByNameAndCustomerAndPages()
    {
        var prefix = "list-" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 3; i++)
        {
            await _cli.JsonAsync("create-api-key", "--name", $"{prefix}-{i}", "--customer-id", i == 0 ? prefix : "other");
        }

        var named = await _cli.JsonAsync("get-api-keys", "--name-query", prefix);
        Assert.Equal(3, named.GetProperty("items").GetArrayLength());
        Assert.All(named.GetProperty("items").EnumerateArray(), k => Assert.False(k.TryGetProperty("value", out _)));
        var withValues = await _cli.JsonAsync("get-api-keys", "--name-query", prefix, "--include-values");
        Assert.All(withValues.GetProperty("items").EnumerateArray(), k => Assert.Equal(40, k.GetProperty("value").GetString()!.Length));
        var customer = await _cli.JsonAsync("get-api-keys", "--customer-id", prefix);
        Assert.Equal($"{prefix}-0", Assert.Single(customer.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());

        var page = await _cli.JsonAsync("get-api-keys", "--name-query", prefix, "--max-items", "2");
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.True(page.TryGetProperty("NextToken", out _));
    }

    [Fact]
    public async Task ImportApiKeys_FromCsv_AnswersIdsAndWarnings()
    {
        var file = Path.Combine(Path.GetTempPath(), $"keys-{Guid.NewGuid():N}.csv");
        var value = "imported-value-" + Guid.NewGuid().ToString("N");
        await File.WriteAllTextAsync(file, $"Name,Key,Description,Enabled,UsageplanIds\nimported,{value},\"from, csv\",true,\nbad,short,,false,\n");
        try
        {
            var result = await _cli.JsonAsync("import-api-keys", "--body", $"fileb://{file}", "--format", "csv");
            var id = Assert.Single(result.GetProperty("ids").EnumerateArray()).GetString()!;
            Assert.Single(result.GetProperty("warnings").EnumerateArray());
            var key = await _cli.JsonAsync("get-api-key", "--api-key", id, "--include-value");
            Assert.Equal(value, key.GetProperty("value").GetString());
            Assert.Equal("from, csv", key.GetProperty("description").GetString());
            Assert.True(key.GetProperty("enabled").GetBoolean());

            Assert.Contains("BadRequestException", await _cli.ErrorAsync("import-api-keys", "--body", $"fileb://{file}", "--format", "csv", "--fail-on-warnings"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Tags_ByApiKeyArn()
    {
        var id = (await _cli.JsonAsync("create-api-key", "--name", "tagged")).GetProperty("id").GetString()!;
        var arn = $"arn:aws:apigateway:us-east-1::/apikeys/{id}";
        await _cli.OkAsync("tag-resource", "--resource-arn", arn, "--tags", "a=1,b=2");
        await _cli.OkAsync("untag-resource", "--resource-arn", arn, "--tag-keys", "a");
        var tags = await _cli.JsonAsync("get-tags", "--resource-arn", arn);
        Assert.Equal("2", tags.GetProperty("tags").GetProperty("b").GetString());
        Assert.False(tags.GetProperty("tags").TryGetProperty("a", out _));
    }
}
