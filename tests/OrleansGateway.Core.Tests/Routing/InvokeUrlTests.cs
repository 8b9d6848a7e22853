using OrleansGateway.Routing;

namespace OrleansGateway.Core.Tests.Routing;

public sealed class InvokeUrlTests
{
    [Theory]
    [InlineData("a1b2c3.execute-api.localhost:8080", "/prod/pets/1", "a1b2c3", "/prod/pets/1")]
    [InlineData("a1b2c3.execute-api.us-east-1.amazonaws.com", "/pets", "a1b2c3", "/pets")]
    [InlineData("A1B2C3.EXECUTE-API.example.org", "/", "A1B2C3", "/")]
    public void ExecuteApiHost_TakesApiIdFromHostAndKeepsWholePath(string host, string path, string apiId, string rest)
    {
        Assert.True(InvokeUrl.TryParse(host, path, out var url));
        Assert.Equal(InvokeUrlForm.ExecuteApiHost, url.Form);
        Assert.Equal(apiId, url.ApiId.ToString());
        Assert.Equal(rest, url.Path.ToString());
        Assert.True(url.ExplicitStage.IsEmpty);
    }

    [Theory]
    [InlineData("/_aws/execute-api/abc123/prod/pets/1", "abc123", "/prod/pets/1")]
    [InlineData("/_aws/execute-api/abc123/pets", "abc123", "/pets")]
    [InlineData("/_aws/execute-api/abc123", "abc123", "/")]
    [InlineData("/_aws/execute-api/abc123/", "abc123", "/")]
    public void AwsExecuteApiPath_TakesApiIdFromPath(string path, string apiId, string rest)
    {
        Assert.True(InvokeUrl.TryParse("127.0.0.1:8080", path, out var url));
        Assert.Equal(InvokeUrlForm.AwsExecuteApiPath, url.Form);
        Assert.Equal(apiId, url.ApiId.ToString());
        Assert.Equal(rest, url.Path.ToString());
    }

    [Theory]
    [InlineData("/restapis/abc123/prod/_user_request_/pets/1", "abc123", "prod", "/pets/1")]
    [InlineData("/restapis/abc123/$default/_user_request_/pets", "abc123", "$default", "/pets")]
    [InlineData("/restapis/abc123/prod/_user_request_", "abc123", "prod", "/")]
    [InlineData("/restapis/abc123/prod/_user_request_/", "abc123", "prod", "/")]
    public void UserRequestPath_NamesTheStageOutright(string path, string apiId, string stage, string rest)
    {
        Assert.True(InvokeUrl.TryParse("localhost", path, out var url));
        Assert.Equal(InvokeUrlForm.UserRequestPath, url.Form);
        Assert.Equal(apiId, url.ApiId.ToString());
        Assert.Equal(stage, url.ExplicitStage.ToString());
        Assert.Equal(rest, url.Path.ToString());
    }

    [Theory]
    [InlineData("localhost:8080", "/pets")]
    [InlineData("localhost", "/restapis/abc123/prod/pets")]
    [InlineData("localhost", "/restapis/abc123/prod/_user_request_x/pets")]
    [InlineData("localhost", "/restapis/abc123")]
    [InlineData("localhost", "/_aws/execute-api/")]
    [InlineData("localhost", "/_aws/execute-api/ab-c/prod")]
    [InlineData("execute-api.localhost", "/pets")]
    [InlineData("ab_c.execute-api.localhost", "/pets")]
    [InlineData(null, "/pets")]
    public void OtherUrls_AreNotInvokeUrls(string? host, string path) =>
        Assert.False(InvokeUrl.TryParse(host, path, out _));

    [Fact]
    public void HostForm_WinsOverPathForms()
    {
        Assert.True(InvokeUrl.TryParse("hostapi.execute-api.localhost", "/_aws/execute-api/other/prod", out var url));
        Assert.Equal("hostapi", url.ApiId.ToString());
        Assert.Equal("/_aws/execute-api/other/prod", url.Path.ToString());
    }
}
