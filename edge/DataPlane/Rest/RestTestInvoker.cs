using System.Diagnostics;
using System.Globalization;
using System.Text;
using OrleansGateway.Edge.ControlPlane.RestApis;
using OrleansGateway.Errors;
using OrleansGateway.RestApis;

namespace OrleansGateway.Edge.DataPlane.Rest;

/// <summary>
/// apigateway <c>TestInvokeMethod</c>: runs the real <see cref="RestPipeline"/> for one method of
/// the API as it stands now (not as deployed, as on AWS), with the request the caller describes and
/// the stage variables it gives, and reports what a client would have received.
/// </summary>
public sealed class RestTestInvoker(RestPipeline pipeline)
{
    private const string TestStage = "test-invoke-stage";

    public async Task<TestInvokeMethodOutput> InvokeAsync(
        RestApiContent content, string resourceId, string httpMethod, TestInvokeMethodInput input, CancellationToken cancellationToken)
    {
        var resource = content.Resources.FirstOrDefault(r => r.Id == resourceId)
            ?? throw ApiGatewayException.NotFound("Invalid Resource identifier specified");
        if (resource.ResourceMethods?.ContainsKey(httpMethod) != true)
        {
            throw ApiGatewayException.NotFound("Invalid Method identifier specified");
        }

        var started = Stopwatch.GetTimestamp();
        var snapshot = new RestDeploymentSnapshot
        {
            Deployment = new RestDeployment { Id = "test-invoke-deployment-id", CreatedDate = DateTimeOffset.UtcNow },
            Api = content.Api,
            Resources = content.Resources,
            Models = content.Models,
            RequestValidators = content.RequestValidators,
            GatewayResponses = content.GatewayResponses,
            Authorizers = content.Authorizers,
        };
        var stage = new RestStage { StageName = TestStage, Variables = input.StageVariables };
        var table = RestStageTable.Create(content.Api.Id, stage, 0, snapshot, input.StageVariables, isCanary: false, RestTableCache.DefaultIntegrationTimeout);

        var pathWithQuery = string.IsNullOrEmpty(input.PathWithQueryString) ? resource.Path : input.PathWithQueryString;
        var queryStart = pathWithQuery.IndexOf('?');
        var path = queryStart < 0 ? pathWithQuery : pathWithQuery[..queryStart];
        var http = new DefaultHttpContext { RequestAborted = cancellationToken };
        http.Request.Method = httpMethod == RestMethodEntry.AnyMethod ? "GET" : httpMethod;
        http.Request.Scheme = "https";
        http.Request.Protocol = "HTTP/1.1";
        http.Request.Path = path;
        http.Request.QueryString = queryStart < 0 ? QueryString.Empty : new QueryString(pathWithQuery[queryStart..]);
        foreach (var (name, values) in input.MultiValueHeaders ?? [])
        {
            http.Request.Headers[name] = values.ToArray();
        }

        foreach (var (name, value) in input.Headers ?? [])
        {
            http.Request.Headers[name] = value;
        }

        var body = Encoding.UTF8.GetBytes(input.Body ?? string.Empty);
        http.Request.Body = new MemoryStream(body);
        http.Request.ContentLength = body.Length;

        var requestId = RequestIds.NextUuid();
        var request = new RestRequest(http, new RestInvocation(content.Api.Id, TestStage, path.AsMemory(), path, false, requestId, IsTestInvocation: true), table);
        var response = await pipeline.RunAsync(request);
        var latency = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        var responseBody = Encoding.UTF8.GetString(response.Body.Span);
        var headers = new Dictionary<string, string>(response.Headers, StringComparer.OrdinalIgnoreCase);
        return new TestInvokeMethodOutput
        {
            Status = response.StatusCode,
            Body = responseBody,
            Headers = headers,
            MultiValueHeaders = headers.ToDictionary(h => h.Key, h => new List<string> { h.Value }),
            Log = Log(requestId, httpMethod, resource.Path, input, response.StatusCode, responseBody, latency),
            Latency = latency,
        };
    }

    // The shape of AWS's execution log, reduced to what this gateway knows.
    private static string Log(string requestId, string httpMethod, string resourcePath, TestInvokeMethodInput input, int status, string body, long latency)
    {
        var now = DateTimeOffset.UtcNow.ToString("ddd MMM dd HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);
        var log = new StringBuilder();
        log.Append("Execution log for request ").Append(requestId).Append('\n');
        log.Append(now).Append(" : Starting execution for request: ").Append(requestId).Append('\n');
        log.Append(now).Append(" : HTTP Method: ").Append(httpMethod).Append(", Resource Path: ").Append(input.PathWithQueryString ?? resourcePath).Append('\n');
        log.Append(now).Append(" : Method request body before transformations: ").Append(input.Body).Append('\n');
        log.Append(now).Append(" : Method response body after transformations: ").Append(body).Append('\n');
        log.Append(now).Append(" : Method completed with status: ").Append(status.ToString(CultureInfo.InvariantCulture)).Append('\n');
        log.Append(now).Append(" : Successfully completed execution in ").Append(latency.ToString(CultureInfo.InvariantCulture)).Append(" ms\n");
        return log.ToString();
    }
}
