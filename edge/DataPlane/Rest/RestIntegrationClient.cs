using System.Runtime.CompilerServices;
using OrleansGateway.Mapping.GatewayResponses;
using OrleansGateway.Mapping.Parameters;
using OrleansGateway.RestApis;

namespace OrleansGateway.Edge.DataPlane.Rest;

/// <summary>
/// Calls a REST method's <c>HTTP</c> or <c>HTTP_PROXY</c> integration over the forwarder's one
/// connection pool (<see cref="HttpProxyForwarder.Invoker"/>). A non-proxy call sends only what the
/// integration request mapped (URI, mapped headers and query string, the template's body); a proxy
/// call passes the client's method, headers, query string and body on. The timeout covers the
/// whole exchange; past it the answer is AWS's 504 <c>INTEGRATION_TIMEOUT</c>.
/// </summary>
public sealed partial class RestIntegrationClient(HttpProxyForwarder forwarder, DataPlaneOptions options, ILogger<RestIntegrationClient> logger)
{
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "TE", "Trailer", "Proxy-Connection", "Proxy-Authorization", "Content-Length",
    };

    public async Task<RestIntegrationResult> SendAsync(RestRequest request, RestCompiledIntegration integration, IntegrationRequestParameters parameters, byte[] body, bool proxy)
    {
        var http = request.Http.Request;
        var method = integration.HttpMethod is null or RestMethodEntry.AnyMethod ? http.Method : integration.HttpMethod;
        using var message = new HttpRequestMessage(new HttpMethod(method), Uri(request, integration, parameters, proxy));
        if (body.Length > 0 || proxy && http.ContentLength > 0)
        {
            message.Content = new ByteArrayContent(body);
        }

        if (proxy)
        {
            foreach (var (name, values) in http.Headers)
            {
                if (!NotForwarded.Contains(name) && !message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
                {
                    message.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
                }
            }

            message.Headers.TryAddWithoutValidation("X-Forwarded-For", request.Http.Connection.RemoteIpAddress?.ToString());
            message.Headers.TryAddWithoutValidation("X-Forwarded-Proto", http.Scheme);
        }
        else if (message.Content is not null)
        {
            message.Content.Headers.TryAddWithoutValidation("Content-Type", http.ContentType ?? "application/json");
        }

        var target = new ProxyRequestHeaders(message);
        foreach (var (name, value) in parameters.Headers)
        {
            target.Overwrite(name, value);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(request.Http.RequestAborted);
        deadline.CancelAfter(integration.Timeout);
        try
        {
            using var response = await forwarder.Invoker.SendAsync(message, deadline.Token);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                headers[name] = string.Join(",", values);
            }

            await using var stream = await response.Content.ReadAsStreamAsync(deadline.Token);
            // A HEAD answer declares the length of a body it does not send.
            var declared = message.Method == HttpMethod.Head ? null : response.Content.Headers.ContentLength;
            var bytes = await BoundedBody.ReadAsync(stream, declared, options.MaxPayloadBytes, deadline.Token);
            if (bytes is null)
            {
                Log.ResponseTooLarge(logger, request.Invocation.ApiId, request.Invocation.StageName, options.MaxPayloadBytes);
                return RestIntegrationResult.Failed(GatewayError.InternalServerError());
            }

            return new RestIntegrationResult(new RestResponse((int)response.StatusCode, headers, bytes), null);
        }
        catch (OperationCanceledException) when (!request.Http.RequestAborted.IsCancellationRequested)
        {
            Log.TimedOut(logger, request.Invocation.ApiId, request.Invocation.StageName, (int)integration.Timeout.TotalMilliseconds);
            return RestIntegrationResult.Failed(new GatewayError(GatewayResponseType.IntegrationTimeout, "Endpoint request timed out"));
        }
        catch (HttpRequestException e)
        {
            Log.Failed(logger, request.Invocation.ApiId, request.Invocation.StageName, e.Message);
            return RestIntegrationResult.Failed(GatewayError.InternalServerError());
        }
    }

    private static Uri Uri(RestRequest request, RestCompiledIntegration integration, IntegrationRequestParameters parameters, bool proxy)
    {
        var template = integration.Uri!;
        var builder = new DefaultInterpolatedStringHandler(0, 0);
        template.AppendTo(ref builder, parameters.Path, request.Match!.PathParameters, request.Match.Method.GreedyParameterName);
        var separator = '?';
        if (template.Query.Length > 0)
        {
            builder.AppendLiteral("?");
            builder.AppendLiteral(template.Query);
            separator = '&';
        }

        // A proxy passes the client's query string on as sent; mappings add to it.
        var clientQuery = request.Http.Request.QueryString.Value;
        if (proxy && clientQuery is { Length: > 1 })
        {
            builder.AppendFormatted(separator);
            builder.AppendLiteral(clientQuery[1..]);
            separator = '&';
        }

        foreach (var (name, values) in parameters.QueryString)
        {
            foreach (var value in values)
            {
                builder.AppendFormatted(separator);
                builder.AppendLiteral(System.Uri.EscapeDataString(name));
                builder.AppendLiteral("=");
                builder.AppendLiteral(System.Uri.EscapeDataString(value));
                separator = '&';
            }
        }

        return new Uri(builder.ToStringAndClear(), new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "REST integration of {ApiId}/{StageName} timed out after {TimeoutMs} ms")]
        public static partial void TimedOut(ILogger logger, string apiId, string stageName, int timeoutMs);

        [LoggerMessage(2, LogLevel.Warning, "REST integration of {ApiId}/{StageName} failed: {Message}")]
        public static partial void Failed(ILogger logger, string apiId, string stageName, string message);

        [LoggerMessage(3, LogLevel.Warning, "REST integration of {ApiId}/{StageName} answered more than {Limit} bytes")]
        public static partial void ResponseTooLarge(ILogger logger, string apiId, string stageName, long limit);
    }
}
