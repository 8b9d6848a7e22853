using Microsoft.AspNetCore.Http.Features;
using OrleansGateway.Cors;
using OrleansGateway.DomainNames;
using OrleansGateway.Edge.DataPlane.Authorizers;
using OrleansGateway.Edge.DataPlane.Rest;
using OrleansGateway.Edge.WebSockets;
using OrleansGateway.HttpApis;
using OrleansGateway.Routing;
using OrleansGateway.Throttling;

namespace OrleansGateway.Edge.DataPlane;

/// <summary>
/// The data plane, one request at a time, in the order AWS's documentation describes an HTTP API
/// call: resolve the API and stage from the invoke URL or custom domain name → answer a CORS
/// preflight → match a route → authorize → check limits (throttles, payload) → call the
/// integration (parameter mapping, forwarding, response mapping, CORS). Every failure is a <see cref="GatewayResponse"/>. The
/// tables come from <see cref="ApiDirectoryCache"/>, <see cref="RoutingTableCache"/> and
/// <see cref="ApiMappingCache"/>, so once warm no step calls a grain.
/// </summary>
public sealed partial class DataPlanePipeline(
    ApiDirectoryCache directory,
    RoutingTableCache cache,
    ApiMappingCache apiMappings,
    RouteAuthorization authorization,
    HttpProxyForwarder forwarder,
    WebSocketEndpoint webSockets,
    ConnectionManagementApi management,
    RestPipeline rest,
    RequestThrottle throttle,
    DataPlaneOptions options,
    ILogger<DataPlanePipeline> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = RequestIds.Next();
        try
        {
            await ServeAsync(context, requestId);
        }
        catch (Exception e)
        {
            if (context.RequestAborted.IsCancellationRequested)
            {
                // The client left; there is nobody to answer.
                return;
            }

            Log.Unhandled(logger, context.Request.Method, context.Request.Path.Value, e);
            await GatewayResponseWriter.WriteAsync(context, GatewayResponse.InternalServerError, requestId);
        }
    }

    private async Task ServeAsync(HttpContext context, string requestId)
    {
        var request = context.Request;

        // 1. Which API and stage: named by the invoke URL, or by an API mapping of the custom
        // domain name in Host (looked up only for hosts that are not execute-api URLs).
        ApiRouting api;
        string stageName;
        ReadOnlyMemory<char> routePath, fullPath;
        if (InvokeUrl.TryParse(request.Host.Value, request.Path.Value, out var url))
        {
            // An ID the API directory does not hold is answered here: no grain call, nothing remembered.
            if (!directory.TryFind(url.ApiId.Span, out var protocolType))
            {
                protocolType = await directory.FindAsync(url.ApiId.ToString());
            }

            if (protocolType == ProtocolTypes.Rest)
            {
                await ServeRestApiAsync(context, url, requestId);
                return;
            }

            if (protocolType is not (ProtocolTypes.Http or ProtocolTypes.WebSocket))
            {
                await GatewayResponseWriter.WriteAsync(context, GatewayResponse.NotFound, requestId);
                return;
            }

            if (!cache.TryGetApi(url.ApiId.Span, out api))
            {
                api = await cache.GetApiAsync(url.ApiId.ToString());
            }

            if (api.Summary is { ProtocolType: ProtocolTypes.WebSocket } && !api.Summary.DisableExecuteApiEndpoint)
            {
                await ServeWebSocketApiAsync(context, api, url, requestId);
                return;
            }

            if (api.Summary is null || !api.IsHttpApi)
            {
                await GatewayResponseWriter.WriteAsync(context, GatewayResponse.NotFound, requestId);
                return;
            }

            if (api.Summary.DisableExecuteApiEndpoint)
            {
                await GatewayResponseWriter.WriteAsync(context, GatewayResponse.Forbidden, requestId);
                return;
            }

            if (!SelectStage(api, url, out stageName, out routePath, out fullPath))
            {
                await GatewayResponseWriter.WriteAsync(context, GatewayResponse.NotFound, requestId);
                return;
            }
        }
        else
        {
            if (!apiMappings.TryGetTable(out var mappings))
            {
                mappings = await apiMappings.GetTableAsync();
            }

            if (!mappings.TryMatch(request.Host.Value, request.Path.Value, out var mapping, out routePath))
            {
                await GatewayResponseWriter.WriteAsync(context, await UnmappedPathResponseAsync(mappings, request.Host.Value), requestId);
                return;
            }

            if (await ProtocolOfAsync(mapping.ApiId) == ProtocolTypes.Rest)
            {
                await ServeMappedRestApiAsync(context, mapping, routePath, requestId);
                return;
            }

            if (!cache.TryGetApi(mapping.ApiId, out api))
            {
                api = await cache.GetApiAsync(mapping.ApiId);
            }

            if (api.Summary is { ProtocolType: ProtocolTypes.WebSocket })
            {
                await ServeWebSocketStageAsync(context, api, mapping.Stage, routePath, requestId);
                return;
            }

            // DisableExecuteApiEndpoint closes the execute-api URLs only: custom domain names are
            // what it leaves open. The mapping names the stage, so the URL carries none, and the
            // backend never sees the mapping key.
            if (api.Summary is null || !api.IsHttpApi)
            {
                await GatewayResponseWriter.WriteAsync(context, GatewayResponse.NotFound, requestId);
                return;
            }

            stageName = mapping.Stage;
            fullPath = routePath;
        }

        if (!RoutingTableCache.TryGetStage(api, stageName, out var table))
        {
            table = await cache.GetStageAsync(api, stageName);
        }

        if (table?.DeploymentId is null)
        {
            await GatewayResponseWriter.WriteAsync(context, GatewayResponse.NotFound, requestId);
            return;
        }

        // 2. CORS preflight: answered by the gateway before routing, so no OPTIONS route is needed.
        if (table.Cors is { } cors && HttpApiCorsPolicy.IsPreflight(request.Method, request.Headers.Origin, request.Headers.AccessControlRequestMethod))
        {
            await CorsResponses.WritePreflightAsync(context, cors, requestId);
            return;
        }

        // 3. Route: exact, {param}, greedy {proxy+}, ANY, then $default.
        if (!table.TryMatch(request.Method, routePath, out var match) || match.Route.Integration is not { } integration)
        {
            await GatewayResponseWriter.WriteAsync(context, GatewayResponse.NotFound, requestId);
            return;
        }

        // 4. Authorization: JWT authorizers are evaluated here; routes without one skip this step.
        AuthorizerClaims? claims = null;
        if (match.Route.AuthorizationType != "NONE")
        {
            var decision = await authorization.AuthorizeAsync(context, table, match.Route);
            if (decision.Refusal is { } refusal)
            {
                await GatewayResponseWriter.WriteAsync(context, refusal, requestId, decision.Challenge);
                return;
            }

            claims = decision.Claims;
        }

        // Why it cannot be called was logged once, when the table was compiled (RoutingTableFaults).
        if (!integration.IsHttpProxy)
        {
            await GatewayResponseWriter.WriteAsync(context, GatewayResponse.InternalServerError, requestId);
            return;
        }

        // 5. Limits: the route's throttle (routeSettings, else defaultRouteSettings), then the
        // account's; a declared body over the limit is refused before the integration is called;
        // an undeclared (chunked) one is cut off by Kestrel when it crosses the limit.
        if (!await throttle.AdmitAsync(match.Route.Throttle))
        {
            await GatewayResponseWriter.WriteAsync(context, GatewayResponse.TooManyRequests, requestId);
            return;
        }

        if (request.ContentLength > options.MaxPayloadBytes)
        {
            await GatewayResponseWriter.WriteAsync(context, GatewayResponse.RequestEntityTooLarge, requestId);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = options.MaxPayloadBytes;
        }

        // 6. Integration: request mapping, forwarding, response mapping and CORS headers.
        var exchange = new HttpProxyExchange(context, table, match, integration, fullPath, requestId, claims);
        if (integration.RequestMapping.ReadsBody && await BufferRequestBodyAsync(exchange) is { } refused)
        {
            if (!context.RequestAborted.IsCancellationRequested)
            {
                await GatewayResponseWriter.WriteAsync(context, refused, requestId);
            }

            return;
        }

        await forwarder.ForwardAsync(context, exchange);
    }

    /// <summary>
    /// A REST API's invoke URL: the stage is the first path segment (or named by the
    /// <c>_user_request_</c> form); a URL without one answers 403 Forbidden, as AWS does.
    /// </summary>
    private Task ServeRestApiAsync(HttpContext context, in InvokeUrl url, string requestId)
    {
        var (stage, resourcePath) = SplitStage(url);

        // A name AWS would never accept for a stage cannot be one: answered before any lookup.
        if (!RestApis.RestStageName.IsValid(stage.Span))
        {
            return GatewayResponseWriter.WriteAsync(context, GatewayResponse.Forbidden, requestId);
        }

        var stageName = stage.ToString();
        var path = resourcePath.IsEmpty ? "/".AsMemory() : resourcePath;
        return rest.ServeAsync(context, new RestInvocation(url.ApiId.ToString(), stageName, path, $"/{stageName}{path}", true, requestId));
    }

    /// <summary>
    /// A REST API's stage under a custom domain name: named by the mapping, or (a v1 base path
    /// mapping without a stage) by the first segment below the base path. <c>$context.path</c> is
    /// the path as the client sent it, base path included.
    /// </summary>
    private Task ServeMappedRestApiAsync(HttpContext context, ApiMappingDefinition mapping, ReadOnlyMemory<char> routePath, string requestId)
    {
        var stageName = mapping.Stage;
        if (stageName.Length == 0)
        {
            var below = routePath.Span.TrimStart('/');
            var end = below.IndexOf('/');
            var offset = routePath.Length - below.Length;
            if (below.IsEmpty)
            {
                return GatewayResponseWriter.WriteAsync(context, GatewayResponse.Forbidden, requestId);
            }

            stageName = (end < 0 ? below : below[..end]).ToString();
            routePath = end < 0 ? "/".AsMemory() : routePath[(offset + end)..];
        }

        return rest.ServeAsync(context, new RestInvocation(mapping.ApiId, stageName, routePath, context.Request.Path.Value ?? "/", false, requestId));
    }

    /// <summary>
    /// A custom domain name's answer to a path no mapping takes: 403 Forbidden, as AWS answers for a
    /// domain name of REST APIs (or of none yet); 404 Not Found for one of HTTP APIs only, as HTTP
    /// APIs answer, and for a host that is no domain name at all.
    /// </summary>
    private async Task<GatewayResponse> UnmappedPathResponseAsync(ApiMappingTable mappings, string? host)
    {
        if (!mappings.TryGetMappings(host, out var domainMappings))
        {
            return GatewayResponse.NotFound;
        }

        foreach (var mapping in domainMappings)
        {
            if (await ProtocolOfAsync(mapping.ApiId) == ProtocolTypes.Rest)
            {
                return GatewayResponse.Forbidden;
            }
        }

        return domainMappings.Count == 0 ? GatewayResponse.Forbidden : GatewayResponse.NotFound;
    }

    private async ValueTask<string?> ProtocolOfAsync(string apiId) =>
        directory.TryFind(apiId, out var protocolType) ? protocolType : await directory.FindAsync(apiId);

    private static (ReadOnlyMemory<char> Stage, ReadOnlyMemory<char> Below) SplitStage(in InvokeUrl url)
    {
        if (url.Form == InvokeUrlForm.UserRequestPath)
        {
            return (url.ExplicitStage, url.Path);
        }

        var path = url.Path.Span.TrimStart('/');
        var end = path.IndexOf('/');
        var offset = url.Path.Length - path.Length;
        return end < 0 ? (url.Path[offset..], ReadOnlyMemory<char>.Empty) : (url.Path.Slice(offset, end), url.Path[(offset + end)..]);
    }

    /// <summary>A WebSocket API's invoke URL: the stage is the first path segment (or named by the URL form).</summary>
    private Task ServeWebSocketApiAsync(HttpContext context, ApiRouting api, in InvokeUrl url, string requestId)
    {
        var (stage, rest) = SplitStage(url);

        if (api.FindStageName(stage.Span) is not { } stageName)
        {
            return GatewayResponseWriter.WriteAsync(context, GatewayResponse.Forbidden, requestId);
        }

        return ServeWebSocketStageAsync(context, api, stageName, rest, requestId);
    }

    /// <summary>The stage's base URL upgrades; <c>@connections</c> and <c>@groups</c> below it are the management APIs.</summary>
    private Task ServeWebSocketStageAsync(HttpContext context, ApiRouting api, string stageName, ReadOnlyMemory<char> rest, string requestId)
    {
        var path = rest.Span;
        if (path.IsEmpty || path is "/")
        {
            return webSockets.ServeAsync(context, api, stageName, requestId);
        }

        if (ConnectionManagementApi.Handles(path))
        {
            return management.ServeAsync(context, api.ApiId, stageName, rest, requestId);
        }

        // AWS answers anything else under a WebSocket stage as a missing route.
        return GatewayResponseWriter.WriteAsync(context, GatewayResponse.Forbidden, requestId);
    }

    /// <summary>Buffers the body a <c>$request.body</c> mapping reads; the answer to give instead when it cannot be read.</summary>
    private static async Task<GatewayResponse?> BufferRequestBodyAsync(HttpProxyExchange exchange)
    {
        try
        {
            await exchange.BufferRequestBodyAsync();
            return null;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return GatewayResponse.RequestEntityTooLarge;
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException or OperationCanceledException)
        {
            // A broken or abandoned body, as when forwarding it.
            return GatewayResponse.BadRequest;
        }
    }

    /// <summary>
    /// The stage and the two paths that follow from it: the route path (no stage) and the full
    /// path as addressed (stage included), which a <c>$default</c> route forwards.
    /// </summary>
    private static bool SelectStage(ApiRouting api, in InvokeUrl url, out string stageName, out ReadOnlyMemory<char> routePath, out ReadOnlyMemory<char> fullPath)
    {
        if (url.Form == InvokeUrlForm.UserRequestPath)
        {
            routePath = url.Path;
            if (api.FindStageName(url.ExplicitStage.Span) is not { } named)
            {
                stageName = string.Empty;
                fullPath = default;
                return false;
            }

            stageName = named;
            fullPath = named == HttpApiStageSelector.DefaultStage ? url.Path : $"/{named}{url.Path}".AsMemory();
            return true;
        }

        var explicitStage = url.Form == InvokeUrlForm.AwsExecuteApiPath;
        if (!HttpApiStageSelector.TrySelect(api.StageNames, url.Path.Span, out stageName, out var start, explicitStage))
        {
            routePath = fullPath = default;
            return false;
        }

        routePath = start < url.Path.Length ? url.Path[start..] : "/".AsMemory();

        // A named $default segment is only addressing; the backend never sees it.
        fullPath = stageName == HttpApiStageSelector.DefaultStage ? routePath : url.Path;
        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Data plane failed on {Method} {Path}")]
        public static partial void Unhandled(ILogger logger, string method, string? path, Exception exception);
    }
}
