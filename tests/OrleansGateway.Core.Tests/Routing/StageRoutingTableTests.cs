using OrleansGateway.HttpApis;
using OrleansGateway.Routing;

namespace OrleansGateway.Core.Tests.Routing;

public sealed class StageRoutingTableTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    // The example of AWS's "Routing API requests" for HTTP APIs.
    private static readonly StageRoutingTable AwsExample = Table(
        "GET /pets/dog/1", "GET /pets/dog/{id}", "GET /pets/{proxy+}", "ANY /{proxy+}", "$default");

    [Theory]
    [InlineData("GET", "/pets/dog/1", "GET /pets/dog/1")]
    [InlineData("GET", "/pets/dog/2", "GET /pets/dog/{id}")]
    [InlineData("GET", "/pets/cat/1", "GET /pets/{proxy+}")]
    [InlineData("POST", "/test/5", "ANY /{proxy+}")]
    [InlineData("POST", "/pets/dog/1", "ANY /{proxy+}")]
    [InlineData("GET", "/", "$default")]
    public void AwsDocumentedExample_SelectsTheDocumentedRoute(string method, string path, string expected)
    {
        Assert.True(AwsExample.TryMatch(method, path.AsMemory(), out var match));
        Assert.Equal(expected, match.Route.Key.Text);
    }

    [Fact]
    public void FullMatchWithVariables_BeatsGreedyMatch()
    {
        var table = Table("GET /pets/{proxy+}", "GET /{kind}/dog/{id}");
        Assert.True(table.TryMatch("GET", "/pets/dog/7".AsMemory(), out var match));
        Assert.Equal("GET /{kind}/dog/{id}", match.Route.Key.Text);
        Assert.Equal("pets", match.GetParameter("kind"));
        Assert.Equal("7", match.GetParameter("id"));
    }

    [Fact]
    public void LiteralSegment_BeatsParameter()
    {
        var table = Table("GET /items/{id}", "GET /items/special");
        Assert.True(table.TryMatch("GET", "/items/special".AsMemory(), out var special));
        Assert.Equal("GET /items/special", special.Route.Key.Text);
        Assert.True(table.TryMatch("GET", "/items/other".AsMemory(), out var other));
        Assert.Equal("GET /items/{id}", other.Route.Key.Text);
    }

    [Fact]
    public void MethodsOwnRoute_BeatsAny()
    {
        var table = Table("ANY /items", "GET /items");
        Assert.True(table.TryMatch("GET", "/items".AsMemory(), out var get));
        Assert.Equal("GET /items", get.Route.Key.Text);
        Assert.True(table.TryMatch("DELETE", "/items".AsMemory(), out var delete));
        Assert.Equal("ANY /items", delete.Route.Key.Text);
    }

    [Fact]
    public void MethodMissingOnLiteralPath_FallsBackToParameterRoute()
    {
        var table = Table("GET /pets/dog", "POST /pets/{id}");
        Assert.True(table.TryMatch("POST", "/pets/dog".AsMemory(), out var match));
        Assert.Equal("POST /pets/{id}", match.Route.Key.Text);
        Assert.Equal("dog", match.GetParameter("id"));
    }

    [Fact]
    public void DeeperGreedyRoute_BeatsShallowerOne()
    {
        var table = Table("ANY /{proxy+}", "ANY /api/{rest+}");
        Assert.True(table.TryMatch("PUT", "/api/v1/items".AsMemory(), out var match));
        Assert.Equal("ANY /api/{rest+}", match.Route.Key.Text);
        Assert.True(match.TryGetParameter("rest", out var rest, out var greedy));
        Assert.Equal("v1/items", rest.ToString());
        Assert.True(greedy);
    }

    [Fact]
    public void GreedyVariable_NeedsAtLeastOneCharacter()
    {
        var table = Table("GET /pets/{proxy+}");
        Assert.False(table.TryMatch("GET", "/pets".AsMemory(), out _));
        Assert.False(table.TryMatch("GET", "/pets/".AsMemory(), out _));
        Assert.True(table.TryMatch("GET", "/pets/a".AsMemory(), out _));
    }

    [Fact]
    public void Parameter_DoesNotMatchAnEmptySegment()
    {
        var table = Table("GET /pets/{id}");
        Assert.False(table.TryMatch("GET", "/pets/".AsMemory(), out _));
        Assert.False(table.TryMatch("GET", "/pets//x".AsMemory(), out _));
    }

    [Fact]
    public void RootRoute_MatchesOnlyTheRoot()
    {
        var table = Table("GET /", "ANY /{proxy+}");
        Assert.True(table.TryMatch("GET", "/".AsMemory(), out var root));
        Assert.Equal("GET /", root.Route.Key.Text);
        Assert.True(table.TryMatch("GET", "/x".AsMemory(), out var other));
        Assert.Equal("ANY /{proxy+}", other.Route.Key.Text);
    }

    [Fact]
    public void Paths_AreCaseSensitive()
    {
        var table = Table("GET /Pets");
        Assert.False(table.TryMatch("GET", "/pets".AsMemory(), out _));
        Assert.True(table.TryMatch("GET", "/Pets".AsMemory(), out _));
    }

    [Fact]
    public void NothingMatchesWithoutDefaultRoute_NoMatch()
    {
        var table = Table("GET /pets");
        Assert.False(table.TryMatch("GET", "/cats".AsMemory(), out _));
        Assert.False(table.TryMatch("POST", "/pets".AsMemory(), out _));
    }

    [Fact]
    public void DefaultRoute_CatchesEverythingElse()
    {
        var table = Table("GET /pets", "$default");
        Assert.True(table.TryMatch("POST", "/pets".AsMemory(), out var match));
        Assert.True(match.Route.Key.IsDefault);
        Assert.Equal("/pets", match.Path.ToString());
    }

    [Fact]
    public void StageWithoutDeployment_ServesNothing()
    {
        var table = StageRoutingTable.Create(
            new StageRuntime { ApiId = "a", Stage = new StageDefinition { StageName = "prod" }, Version = 1 },
            Timeout);
        Assert.Null(table.DeploymentId);
        Assert.False(table.TryMatch("GET", "/".AsMemory(), out _));
    }

    [Fact]
    public void RouteTargets_ResolveToTheirCompiledIntegration()
    {
        var table = StageRoutingTable.Create(
            Stages.Deployed(
                [("GET /a", "i1"), ("GET /b", null), ("GET /c", "missing")],
                [Stages.HttpProxy("i1", "http://backend/a")]),
            Timeout);
        Assert.True(table.TryMatch("GET", "/a".AsMemory(), out var a));
        Assert.Equal("i1", a.Route.Integration?.IntegrationId);
        Assert.True(table.TryMatch("GET", "/b".AsMemory(), out var b));
        Assert.Null(b.Route.Integration);
        Assert.True(table.TryMatch("GET", "/c".AsMemory(), out var c));
        Assert.Null(c.Route.Integration);
    }

    [Fact]
    public void MalformedRouteKeys_AreSkipped()
    {
        var table = Table("GET pets", "GET /ok");
        Assert.Equal(1, table.RouteCount);
    }

    [Fact]
    public void WhatCompilingLeavesOut_IsListedOnce_AsFaults()
    {
        var lambda = new IntegrationDefinition { IntegrationId = "fn", IntegrationType = "AWS_PROXY", IntegrationUri = "arn:aws:lambda:us-east-1:1:function:f" };
        var badMapping = Stages.HttpProxy("map", "http://backend/", requestParameters: new() { ["overwrite:header.authorization"] = "x" });
        var table = StageRoutingTable.Create(
            Stages.Deployed(
                [("GET /{p+}/x", "ok"), ("GET /a/{id}", "ok"), ("GET /a/{name}", "ok"), ("GET /f", "fn"), ("POST /f", "fn"), ("GET /m", "map"), ("GET /gone", "missing"), ("GET /fine", "ok")],
                [Stages.HttpProxy("ok", "http://backend/"), lambda, badMapping, Stages.HttpProxy("unused", "not a url")]),
            Timeout);

        Assert.Equal(
            [
                "route r0 left out: Invalid route key: GET /{p+}/x. A greedy path variable such as {p+} must be the last part of the path.",
                "route r2 (GET /a/{name}) left out: route r1 (GET /a/{id}) has the same method and path",
                "integration fn: integration type AWS_PROXY cannot be called by the edge",
                "integration map: Invalid mapping expression specified: Validation Result: warnings : [], errors : [Operations on header authorization are restricted]",
                "route r6 (GET /gone): target integrations/missing is not an integration of this deployment",
            ],
            table.Faults);
        Assert.Equal(6, table.RouteCount);
    }

    [Fact]
    public void ServableConfiguration_HasNoFaults() =>
        Assert.Empty(StageRoutingTable.Create(Stages.Deployed([("GET /a/{id}", "ok"), ("$default", "ok")], [Stages.HttpProxy("ok", "http://backend/")]), Timeout).Faults);

    [Fact]
    public void Table_CarriesStageIdentityAndVersion()
    {
        var table = StageRoutingTable.Create(Stages.Deployed([("GET /", null)], stageName: "prod"), Timeout);
        Assert.Equal("api1", table.ApiId);
        Assert.Equal("prod", table.StageName);
        Assert.Equal(7, table.Version);
        Assert.Equal("d1", table.DeploymentId);
    }

    private static StageRoutingTable Table(params string[] routeKeys) =>
        StageRoutingTable.Create(Stages.Deployed(routeKeys.Select(k => (k, (string?)null))), Timeout);
}
