using OrleansGateway.RestApis;

namespace OrleansGateway.Core.Tests.RestApis;

public sealed class RestResourceTreeTests
{
    private static readonly RestResourceTree Tree = Build(
        ("/", "GET"),
        ("/pets", "GET"),
        ("/pets", "POST"),
        ("/pets/{petId}", "GET"),
        ("/pets/mine", "GET"),
        ("/pets/{petId}/toys/{toyId}", "ANY"),
        ("/pets/{petId}/toys/{toyId}", "DELETE"),
        ("/{proxy+}", "ANY"),
        ("/files/{path+}", "GET"));

    [Theory]
    [InlineData("GET", "/", "GET /")]
    [InlineData("GET", "/pets", "GET /pets")]
    [InlineData("GET", "/pets/", "GET /pets")]
    [InlineData("POST", "/pets", "POST /pets")]
    [InlineData("GET", "/pets/mine", "GET /pets/mine")]
    [InlineData("GET", "/pets/7", "GET /pets/{petId}")]
    [InlineData("DELETE", "/pets/7/toys/1", "DELETE /pets/{petId}/toys/{toyId}")]
    [InlineData("PATCH", "/pets/7/toys/1", "ANY /pets/{petId}/toys/{toyId}")]
    [InlineData("PUT", "/pets", "ANY /{proxy+}")]
    [InlineData("GET", "/pets/7/food", "ANY /{proxy+}")]
    [InlineData("GET", "/files/a/b/c.txt", "GET /files/{path+}")]
    [InlineData("POST", "/files/a", "ANY /{proxy+}")]
    public void Match_TakesLiteralOverParameterOverGreedy_AndOwnMethodOverAny(string method, string path, string expected)
    {
        var match = Tree.Match(method, path);

        Assert.NotNull(match);
        Assert.Equal(expected, $"{match.Method.HttpMethod} {match.Method.ResourcePath}");
    }

    [Fact]
    public void Match_WithoutAnyResourceForTheMethod_FindsNothing()
    {
        var tree = Build(("/pets", "GET"), ("/pets/{id}", "GET"));

        Assert.Null(tree.Match("POST", "/pets"));
        Assert.Null(tree.Match("GET", "/cats"));
        Assert.Null(tree.Match("GET", "/pets/1/2"));
        Assert.Null(tree.Match("GET", "/"));
    }

    [Fact]
    public void Match_GreedyResourceNeedsAtLeastOneSegment()
    {
        var tree = Build(("/{proxy+}", "ANY"));

        Assert.Null(tree.Match("GET", "/"));
        Assert.Equal("a", tree.Match("GET", "/a")!.PathParameters["proxy"]);
    }

    [Fact]
    public void Match_HandsOnPathParametersDecoded_GreedyWithItsSlashes()
    {
        var parameter = Tree.Match("GET", "/pets/a b%2Fc")!;
        var greedy = Tree.Match("GET", "/files/dir/sub%2fname.txt")!;
        var nested = Tree.Match("DELETE", "/pets/9/toys/ball")!;

        Assert.Equal("a b/c", parameter.PathParameters["petId"]);
        Assert.Equal("dir/sub/name.txt", greedy.PathParameters["path"]);
        Assert.Equal(new Dictionary<string, string> { ["petId"] = "9", ["toyId"] = "ball" }, nested.PathParameters);
    }

    [Fact]
    public void Match_ParameterBranchThatDeadEnds_LeavesNoCaptureBehind()
    {
        var match = Tree.Match("GET", "/pets/7/food")!;

        Assert.Equal(new Dictionary<string, string> { ["proxy"] = "pets/7/food" }, match.PathParameters);
    }

    private static RestResourceTree Build(params (string Path, string Method)[] methods)
    {
        var tree = new RestResourceTree();
        foreach (var (path, method) in methods)
        {
            tree.Add(path, new RestMethodEntry { ResourceId = path, ResourcePath = path, HttpMethod = method });
        }

        return tree;
    }
}
