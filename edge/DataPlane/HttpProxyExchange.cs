using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using OrleansGateway.Edge.DataPlane.Authorizers;
using OrleansGateway.Integrations;
using OrleansGateway.Mapping.Context;
using OrleansGateway.Mapping.HttpApi;
using OrleansGateway.Routing;
using Yarp.ReverseProxy.Forwarder;

namespace OrleansGateway.Edge.DataPlane;

/// <summary>
/// One request's trip through an <c>HTTP_PROXY</c> integration: the integration request (URI with
/// path variables, method, <c>X-Forwarded-*</c>, parameter mapping) and the integration response
/// (response mapping, CORS). It is YARP's transformer for this request and the source mapping
/// values read from, so a request costs one object here.
/// </summary>
public sealed class HttpProxyExchange : HttpTransformer, IMappingValueSource
{
    /// <summary>An HTTP API response's payload limit (10 MB), the most a <c>$response.body</c> mapping buffers.</summary>
    private const int MaxBufferedResponseBytes = 10 * 1024 * 1024;

    private const string ClaimPrefix = "authorizer.claims.";

    private static readonly ConcurrentDictionary<int, string> PortTexts = new();

    private static readonly UriCreationOptions ExactUri = new() { DangerousDisablePathAndQueryCanonicalization = true };

    private readonly HttpContext _context;
    private QueryParameters? _query;
    private DateTimeOffset? _requestTime;
    private HttpResponseMessage? _response;
    private HttpApiMappingBody? _requestBody;
    private HttpApiMappingBody? _responseBody;

    public HttpProxyExchange(HttpContext context, StageRoutingTable table, in RouteMatch match, CompiledIntegration integration,
        ReadOnlyMemory<char> fullPath, string requestId, AuthorizerClaims? claims = null)
    {
        _context = context;
        Table = table;
        Match = match;
        Integration = integration;
        FullPath = fullPath;
        RequestId = requestId;
        Claims = claims;
    }

    public StageRoutingTable Table { get; }

    public RouteMatch Match { get; }

    public CompiledIntegration Integration { get; }

    /// <summary>The path as the client addressed the API, stage segment included: what a <c>$default</c> route forwards.</summary>
    public ReadOnlyMemory<char> FullPath { get; }

    public string RequestId { get; }

    /// <summary>The claims of the JWT the route's authorizer accepted; null for routes without one.</summary>
    public AuthorizerClaims? Claims { get; }

    /// <summary>
    /// Reads the whole request body for <c>$request.body</c> mappings and rewinds it, so the integration
    /// still gets it; only called when a mapping reads it (other requests stream straight through).
    /// Kestrel's body size limit still applies while reading.
    /// </summary>
    public async Task BufferRequestBodyAsync()
    {
        var request = _context.Request;
        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        _requestBody = new HttpApiMappingBody(await reader.ReadToEndAsync(_context.RequestAborted));
        request.Body.Position = 0;
    }

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);

        // The integration sees its own host, as behind AWS; the client's goes in X-Forwarded-Host.
        proxyRequest.Headers.Host = null;
        SetForwardedHeaders(httpContext, proxyRequest);
        if (Integration.HttpMethod is { } method)
        {
            proxyRequest.Method = method;
        }

        if (Integration.RequestMapping.HasHeaderRules)
        {
            Integration.RequestMapping.ApplyHeaders(this, new ProxyRequestHeaders(proxyRequest));
        }

        // Sent exactly as built: System.Uri would otherwise unescape and resolve dot segments.
        proxyRequest.RequestUri = new Uri(Destination(), ExactUri);
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        var copyBody = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        var response = httpContext.Response;
        response.Headers[GatewayResponseWriter.RequestIdHeader] = RequestId;
        if (proxyResponse is not null && !Integration.ResponseMapping.IsEmpty)
        {
            _response = proxyResponse;
            if (Integration.ResponseMapping.ReadsBody((int)proxyResponse.StatusCode))
            {
                // Buffered content is read again when YARP copies it to the client. Decoded as UTF-8 (JSON's
                // encoding) whatever charset the backend names, so an odd charset cannot fail the response;
                // a body over the limit fails it (500), as an HTTP API response over 10 MB does on AWS.
                await proxyResponse.Content.LoadIntoBufferAsync(MaxBufferedResponseBytes, cancellationToken);
                var bytes = await proxyResponse.Content.ReadAsByteArrayAsync(cancellationToken);
                _responseBody = new HttpApiMappingBody(Encoding.UTF8.GetString(bytes));
            }

            response.StatusCode = Integration.ResponseMapping.Apply((int)proxyResponse.StatusCode, this, new ClientResponseHeaders(response.Headers));
        }

        if (Table.Cors is { } cors)
        {
            CorsResponses.DecorateActualResponse(httpContext, cors);
        }

        return copyBody;
    }

    public string? Resolve(MappingVariableKind kind, string name) => kind switch
    {
        MappingVariableKind.RequestHeader => _context.Request.Headers[name] is { Count: > 0 } values ? values.ToString() : null,
        MappingVariableKind.RequestQueryString => Query().Get(name),
        MappingVariableKind.RequestPath => Match.Path.ToString(),
        MappingVariableKind.RequestPathParameter => Match.GetParameter(name),
        MappingVariableKind.Context => ContextVariable(name),
        MappingVariableKind.ResponseHeader => ResponseHeader(name),
        MappingVariableKind.RequestBody => _requestBody?.Read(name),
        MappingVariableKind.ResponseBody => _responseBody?.Read(name),
        _ => null,
    };

    /// <summary>Where the integration request goes: the integration URI, path variables filled in, and the query.</summary>
    private string Destination()
    {
        var uri = Integration.Uri!;
        var keepEncodedSlashes = !EncodedSlashesAreAmbiguous();
        var builder = new DefaultInterpolatedStringHandler(0, 0);
        if (Integration.RequestMapping.Path is { } mappedPath)
        {
            builder.AppendLiteral(uri.Origin);
            var path = mappedPath.Evaluate(this);
            if (!path.StartsWith('/'))
            {
                builder.AppendLiteral("/");
            }

            UriPathEscaping.Append(ref builder, path, keepSlashes: true, keepEncodedSlashes);
        }
        else
        {
            uri.AppendTo(ref builder, Match, keepEncodedSlashes);
            if (Match.Route.Key.IsDefault)
            {
                // The $default route sends the whole path the client asked for (AWS).
                var path = FullPath.Span;
                UriPathEscaping.Append(ref builder, uri.EndsWithSlash && path.StartsWith('/') ? path[1..] : path, keepSlashes: true, keepEncodedSlashes);
            }
        }

        var query = Integration.RequestMapping.HasQueryRules ? MappedQuery() : _context.Request.QueryString.Value;
        if (uri.Query.Length > 0)
        {
            builder.AppendLiteral("?");
            builder.AppendLiteral(uri.Query);
            if (query is { Length: > 1 })
            {
                builder.AppendLiteral("&");
                builder.AppendFormatted(query.AsSpan(1));
            }
        }
        else if (query is { Length: > 1 })
        {
            builder.AppendLiteral(query);
        }

        return builder.ToStringAndClear();
    }

    /// <summary>
    /// Kestrel decodes <c>%252F</c> to <c>%2F</c> and leaves <c>%2F</c> as it is, so the decoded path cannot say
    /// which was sent; when the request line holds a <c>%252F</c>, every <c>%</c> is forwarded as data. Only
    /// paths holding a <c>%</c> look at the request line.
    /// </summary>
    private bool EncodedSlashesAreAmbiguous() =>
        _context.Request.Path.Value is { } path && path.Contains('%')
        && _context.Features.Get<IHttpRequestFeature>()?.RawTarget is { } raw
        && raw.Contains("%252F", StringComparison.OrdinalIgnoreCase);

    private string MappedQuery()
    {
        var query = QueryParameters.Parse(_context.Request.QueryString.Value);
        Integration.RequestMapping.ApplyQuery(this, query);
        return query.ToQueryString();
    }

    /// <summary>One time for the whole request, however many mappings read it.</summary>
    private DateTimeOffset RequestTime() => _requestTime ??= DateTimeOffset.UtcNow;

    // Query names are case-sensitive for mappings (AWS), unlike ASP.NET Core's Request.Query.
    private QueryParameters Query() => _query ??= QueryParameters.Parse(_context.Request.QueryString.Value);

    private string? ResponseHeader(string name)
    {
        if (_response is null)
        {
            return null;
        }

        if (_response.Headers.TryGetValues(name, out var values) || _response.Content.Headers.TryGetValues(name, out values))
        {
            return string.Join(',', values);
        }

        return null;
    }

    private string? ContextVariable(string name)
    {
        var request = _context.Request;
        return name switch
        {
            "requestId" or "extendedRequestId" => RequestId,
            "apiId" => Table.ApiId,
            "stage" => Table.StageName,
            "routeKey" => Match.Route.Key.Text,
            "httpMethod" => request.Method,
            "path" => FullPath.ToString(),
            "protocol" => request.Protocol,
            "domainName" => request.Host.Host,
            "domainPrefix" => request.Host.Host.Split('.', 2)[0],
            "accountId" => "000000000000",
            "identity.sourceIp" => _context.Connection.RemoteIpAddress?.ToString(),
            "identity.userAgent" => request.Headers.UserAgent.ToString(),
            "integration.integrationId" or "integrationId" => Integration.IntegrationId,
            "requestTime" => ContextVariables.FormatRequestTime(RequestTime()),
            "requestTimeEpoch" => RequestTime().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            _ when name.StartsWith(ClaimPrefix, StringComparison.Ordinal) => Claims?.Get(name[ClaimPrefix.Length..]),
            _ => null,
        };
    }

    private static void SetForwardedHeaders(HttpContext context, HttpRequestMessage proxyRequest)
    {
        var headers = proxyRequest.Headers;
        var request = context.Request;
        if (context.Connection.RemoteIpAddress is { } remote)
        {
            var prior = request.Headers[ForwardedHeaders.For];
            headers.Remove(ForwardedHeaders.For);
            headers.TryAddWithoutValidation(ForwardedHeaders.For, StringValues.IsNullOrEmpty(prior) ? remote.ToString() : $"{prior}, {remote}");
        }

        headers.Remove(ForwardedHeaders.Proto);
        headers.TryAddWithoutValidation(ForwardedHeaders.Proto, request.Scheme);
        headers.Remove(ForwardedHeaders.Port);
        headers.TryAddWithoutValidation(ForwardedHeaders.Port, PortText(context.Connection.LocalPort));
        if (request.Host.HasValue)
        {
            headers.Remove(ForwardedHeaders.Host);
            headers.TryAddWithoutValidation(ForwardedHeaders.Host, request.Host.Value);
        }
    }

    // The edge listens on one or two ports: format each once, not per request.
    private static string PortText(int port) => PortTexts.GetOrAdd(port, static p => p.ToString(CultureInfo.InvariantCulture));
}
