using System.Runtime.CompilerServices;
using OrleansGateway.Integrations;
using OrleansGateway.Routing;

namespace OrleansGateway.Core.Tests.Routing;

public sealed class CompiledIntegrationTests
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void GreedyVariableInUri_KeepsSlashesAndEscapesTheRest()
    {
        Assert.Equal("http://backend/base/a/b%20c/%25d/%C3%A9", Render("ANY /{proxy+}", "http://backend/base/{proxy}", "/a/b c/%d/é"));
    }

    [Fact]
    public void SegmentVariableInUri_IsEscapedAsOneSegment()
    {
        // Kestrel leaves %2F encoded in the decoded path; it stays one segment.
        Assert.Equal("http://backend/pets/a%2Fb%3F%20", Render("GET /p/{id}", "http://backend/pets/{id}?x=1", "/p/a%2Fb? "));
    }

    [Theory]
    [InlineData("/files/%2e%2e/admin", "http://backend/public/%252e%252e/admin")]
    [InlineData("/files/%2E%2E%2Fadmin", "http://backend/public/%252E%252E%2Fadmin")]
    [InlineData("/files/a%2Fb/%41", "http://backend/public/a%2Fb/%2541")]
    [InlineData("/files/x/../y", "http://backend/public/x/%252E%252E/y")]
    [InlineData("/files/./a..b/...", "http://backend/public/%252E/a..b/...")]
    [InlineData("/files/..%2Fadmin", "http://backend/public/%252E%252E%2Fadmin")]
    [InlineData("/files/x%2f..%2F..%2fadmin", "http://backend/public/x%2f%252E%252E%2F%252E%252E%2fadmin")]
    [InlineData("/files/..a%2F.b", "http://backend/public/..a%2F.b")]
    public void EncodedInput_StaysEncodedAndNeverLeavesTheBasePath(string decodedPath, string expected)
    {
        // The path as Kestrel hands it over: decoded once, %2F left encoded. `%252e%252e` arrives as `%2e%2e`.
        Assert.Equal(expected, Render("GET /files/{proxy+}", "http://backend/public/{proxy}", decodedPath));
    }

    [Fact]
    public void AmbiguousEncodedSlash_IsForwardedAsData()
    {
        var builder = new DefaultInterpolatedStringHandler(0, 0);
        UriPathEscaping.Append(ref builder, "..%2f..%2Fadmin/%41", keepSlashes: true, keepEncodedSlashes: false);
        Assert.Equal("..%252f..%252Fadmin/%2541", builder.ToStringAndClear());
    }

    [Theory]
    [InlineData("..", "http://backend/pets/%252E%252E")]
    [InlineData("%2e.", "http://backend/pets/%252e.")]
    [InlineData("a%2F..", "http://backend/pets/a%2F%252E%252E")]
    public void SegmentVariable_IsNeverADotSegment(string value, string expected)
    {
        Assert.Equal(expected, Render("GET /p/{id}", "http://backend/pets/{id}", "/p/" + value));
    }

    [Fact]
    public void SeveralVariables_AreFilledInByName()
    {
        Assert.Equal("http://backend/7/items/dog", Render("GET /{kind}/x/{id}", "http://backend/{id}/items/{kind}", "/dog/x/7"));
    }

    [Fact]
    public void StageVariables_AreSubstitutedWhenCompiling()
    {
        var integration = CompiledIntegration.Compile(
            Stages.HttpProxy("i", "http://${stageVariables.host}/v/${stageVariables.version}/${stageVariables.missing}x"),
            new Dictionary<string, string> { ["host"] = "127.0.0.1:5000", ["version"] = "2" },
            DefaultTimeout);
        Assert.Equal("http://127.0.0.1:5000/v/2/x", integration.Uri!.Text);
        Assert.False(integration.Uri.HasPathVariables);
    }

    [Theory]
    [InlineData("http://backend:81/base/{proxy}?a=1&b=2", "http://backend:81", "a=1&b=2", false)]
    [InlineData("http://backend/", "http://backend", "", true)]
    [InlineData("http://backend", "http://backend", "", true)]
    [InlineData("https://backend?x=1", "https://backend", "x=1", true)]
    public void UriParts_AreKnownWhenCompiled(string uri, string origin, string query, bool endsWithSlash)
    {
        var template = IntegrationUriTemplate.Parse(uri, null);
        Assert.Equal(origin, template.Origin);
        Assert.Equal(query, template.Query);
        Assert.Equal(endsWithSlash, template.EndsWithSlash);
    }

    [Fact]
    public void AnyIntegrationMethod_MeansTheRequestsMethod()
    {
        Assert.Null(CompiledIntegration.Compile(Stages.HttpProxy("i", "http://b", "ANY"), null, DefaultTimeout).HttpMethod);
        Assert.Equal(HttpMethod.Post, CompiledIntegration.Compile(Stages.HttpProxy("i", "http://b", "post"), null, DefaultTimeout).HttpMethod);
    }

    [Fact]
    public void Timeout_IsPerIntegrationOrTheDefault()
    {
        Assert.Equal(DefaultTimeout, CompiledIntegration.Compile(Stages.HttpProxy("i", "http://b"), null, DefaultTimeout).Timeout);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), CompiledIntegration.Compile(Stages.HttpProxy("i", "http://b", timeoutInMillis: 1500), null, DefaultTimeout).Timeout);
    }

    [Fact]
    public void NonHttpUri_IsNotForwardable()
    {
        var lambda = CompiledIntegration.Compile(Stages.HttpProxy("i", "arn:aws:lambda:us-east-1:1:function:f"), null, DefaultTimeout);
        Assert.False(lambda.IsHttpProxy);
        Assert.True(CompiledIntegration.Compile(Stages.HttpProxy("i", "HTTPS://b"), null, DefaultTimeout).IsHttpProxy);
    }

    private static string Render(string routeKey, string uri, string path)
    {
        var table = StageRoutingTable.Create(Stages.Deployed([(routeKey, "i")], [Stages.HttpProxy("i", uri)]), DefaultTimeout);
        Assert.True(table.TryMatch(routeKey.Split(' ')[0] == "ANY" ? "GET" : routeKey.Split(' ')[0], path.AsMemory(), out var match));
        var builder = new DefaultInterpolatedStringHandler(0, 0);
        match.Route.Integration!.Uri!.AppendTo(ref builder, match);
        return builder.ToStringAndClear();
    }
}
