using OrleansGateway.Cors;
using OrleansGateway.HttpApis;
using OrleansGateway.Integrations;

namespace OrleansGateway.Core.Tests.Mapping;

/// <summary>What the control plane refuses of an HTTP API integration: exactly what the edge's compiler would leave out.</summary>
public sealed class HttpApiIntegrationRulesTests
{
    private const string Refused = "Invalid mapping expression specified: Validation Result: warnings : [], errors : [";

    [Theory]
    [InlineData("overwrite:header.authorization", "Operations on header authorization are restricted]")]
    [InlineData("append:header.X-Amz-Date", "Operations on header X-Amz-Date are restricted]")]
    [InlineData("overwrite:header.bad name", "Invalid header name in mapping key overwrite:header.bad name]")]
    [InlineData("overwrite:header.", "Invalid header name in mapping key overwrite:header.]")]
    [InlineData("overwrite:querystring.", "Invalid query string name in mapping key overwrite:querystring.]")]
    [InlineData("rename:header.a", "Invalid mapping key rename:header.a: it must start with append:, overwrite: or remove:]")]
    [InlineData("append:path", "Invalid mapping key append:path: path and statuscode can only be overwritten; other locations are header.<name> and querystring.<name>]")]
    [InlineData("overwrite:statuscode", "Invalid mapping key overwrite:statuscode: a request cannot overwrite the status code]")]
    public void RequestMappingsTheEdgeWouldLeaveOut_AreRefused(string key, string detail)
    {
        var error = HttpApiIntegrationRules.Check("ANY", null, new Dictionary<string, string> { [key] = "v" }, null);
        Assert.Equal(Refused + detail, error);
    }

    [Theory]
    [InlineData("199", "overwrite:statuscode", "Invalid response status code 199: response parameters are keyed by a status code from 200 to 599]")]
    [InlineData("oops", "overwrite:statuscode", "Invalid response status code oops: response parameters are keyed by a status code from 200 to 599]")]
    [InlineData("500", "overwrite:querystring.a", "Invalid mapping key overwrite:querystring.a: a response maps headers and the status code only]")]
    [InlineData("500", "overwrite:header.connection", "Operations on header connection are restricted]")]
    public void ResponseMappingsTheEdgeWouldLeaveOut_AreRefused(string status, string key, string detail)
    {
        var error = HttpApiIntegrationRules.Check("ANY", null, null,
            new Dictionary<string, Dictionary<string, string>> { [status] = new() { [key] = "1" } });
        Assert.Equal(Refused + detail, error);
    }

    [Theory]
    [InlineData("FETCH")]
    [InlineData("GE T")]
    [InlineData("")]
    public void MethodsTheEdgeCannotSend_AreRefused(string method) =>
        Assert.Equal($"Invalid integration method specified: {method}. Must be one of [ANY, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT]",
            HttpApiIntegrationRules.Check(method, null, null, null));

    [Fact]
    public void WhatTheEdgeCompiles_IsAccepted()
    {
        var request = new Dictionary<string, string>
        {
            ["append:header.x-client"] = "api",
            ["overwrite:header.Host"] = "backend",
            ["remove:querystring.debug"] = "''",
            ["overwrite:path"] = "/v2$request.path",
        };
        var response = new Dictionary<string, Dictionary<string, string>>
        {
            ["500"] = new() { ["overwrite:statuscode"] = "503", ["remove:header.server"] = "''" },
        };
        Assert.Null(HttpApiIntegrationRules.Check("get", null, request, response));
        Assert.Null(HttpApiIntegrationRules.Check(null, null, null, null));
    }

    [Fact]
    public void ServiceIntegrations_KeepTheirOwnRequestParameters() =>
        Assert.Null(HttpApiIntegrationRules.Check("POST", "SQS-SendMessage", new Dictionary<string, string> { ["QueueUrl"] = "$request.header.queue" }, null));

    [Fact]
    public void CompiledIntegration_WithAMethodItCannotSend_IsNotCalled()
    {
        var integration = CompiledIntegration.Compile(Stages.HttpProxy("i", "http://backend/", method: "GE T"), null, TimeSpan.FromSeconds(30));
        Assert.False(integration.IsHttpProxy);
        Assert.Equal(["Invalid integration method specified: GE T. Must be one of [ANY, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT]"], integration.Faults);
    }

    [Fact]
    public void CorsEntriesThatCannotBeAHeader_AreRefused_AndLeftOutWhenCompiled()
    {
        var cors = new CorsConfiguration { AllowOrigins = ["*"], AllowHeaders = ["x-ok", "bad name"], AllowMethods = ["GET", "*"] };

        Assert.Equal("Invalid CORS configuration: allowHeaders holds 'bad name', which is not a method or header name", HttpApiCorsPolicy.Validate(cors));
        Assert.Equal("x-ok", HttpApiCorsPolicy.Create(cors)!.AllowHeaders);
        Assert.Null(HttpApiCorsPolicy.Validate(cors with { AllowHeaders = ["*"] }));
    }
}
