using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using OrleansGateway.Integrations;
using Yarp.ReverseProxy.Forwarder;

namespace OrleansGateway.Edge.DataPlane;

/// <summary>
/// Sends <c>HTTP_PROXY</c> integration requests with YARP's forwarder over one shared connection
/// pool, streaming both bodies, and turns forwarding errors (values, not exceptions) into the
/// answers AWS gives.
/// </summary>
public sealed partial class HttpProxyForwarder : IDisposable
{
    private readonly IHttpForwarder _forwarder;
    private readonly ILogger<HttpProxyForwarder> _logger;
    private readonly HttpMessageInvoker _invoker;

    // One config per distinct timeout, so a request allocates none.
    private readonly ConcurrentDictionary<TimeSpan, ForwarderRequestConfig> _configs = new();

    private readonly OwnAdminEndpoint _ownAdmin;

    public HttpProxyForwarder(IHttpForwarder forwarder, OwnAdminEndpoint ownAdmin, ILogger<HttpProxyForwarder> logger)
    {
        _forwarder = forwarder;
        _ownAdmin = ownAdmin;
        _logger = logger;
        _invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,
            ActivityHeadersPropagator = new ReverseProxyPropagator(DistributedContextPropagator.Current),
            ConnectTimeout = TimeSpan.FromSeconds(15),
            ConnectCallback = (context, cancellationToken) => OwnAdminEndpoint.ConnectAsync(context.DnsEndPoint, _ownAdmin, cancellationToken),

            // Header values with non-ASCII text (a client's, or mapped from a client's query) travel as UTF-8.
            RequestHeaderEncodingSelector = static (_, _) => Encoding.UTF8,
            ResponseHeaderEncodingSelector = static (_, _) => Encoding.UTF8,
        });
    }

    /// <summary>The one connection pool to backends; REST integrations, which AWS buffers, send through it directly.</summary>
    public HttpMessageInvoker Invoker => _invoker;

    public async Task ForwardAsync(HttpContext context, HttpProxyExchange exchange)
    {
        var timeout = exchange.Integration.Timeout;
        var config = _configs.GetOrAdd(timeout, static t => new ForwarderRequestConfig { ActivityTimeout = t });

        // The timeout bounds the whole exchange, not only silence: a backend that drips its answer is cut
        // off too. As on AWS, it starts once the client's body has been read (a slow upload is Kestrel's
        // minimum data rate's business, and a stalled backend's the activity timeout's meanwhile).
        using var deadline = new CancellationTokenSource();
        var request = context.Request;
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            deadline.CancelAfter(timeout);
        }
        else
        {
            request.Body = new RequestBodyEndSignal(request.Body, () => deadline.CancelAfter(timeout));
        }

        // The destination prefix is unused: the exchange sets the full URI itself.
        var error = await _forwarder.SendAsync(context, exchange.Integration.Uri!.Origin, _invoker, config, exchange, deadline.Token);
        if (error == ForwarderError.None)
        {
            return;
        }

        var exception = context.GetForwarderErrorFeature()?.Exception;
        var deadlinePassed = deadline.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested;
        switch (error)
        {
            case ForwarderError.RequestTimedOut:
            case ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.ResponseHeaders or ForwarderError.ResponseBodyCanceled when deadlinePassed:
                // Before the response started: 503; after (a backend still dripping): the writer resets the connection.
                Log.IntegrationTimedOut(_logger, exchange.Table.ApiId, exchange.Table.StageName, exchange.Match.Route.Key.Text, (int)timeout.TotalMilliseconds);
                await GatewayResponseWriter.WriteAsync(context, GatewayResponse.IntegrationTimeout, exchange.RequestId);
                break;
            case ForwarderError.RequestBodyClient when IsTooLarge(exception):
                await GatewayResponseWriter.WriteAsync(context, GatewayResponse.RequestEntityTooLarge, exchange.RequestId);
                break;
            case ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.RequestBodyClient:
                // The client went away or sent a broken body: nobody is waiting for an answer.
                Log.ClientAborted(_logger, error, exception?.Message);
                if (!context.RequestAborted.IsCancellationRequested)
                {
                    await GatewayResponseWriter.WriteAsync(context, GatewayResponse.BadRequest, exchange.RequestId);
                }

                break;
            case ForwarderError.ResponseBodyCanceled or ForwarderError.ResponseBodyClient or ForwarderError.ResponseBodyDestination:
                // Usually the response had started and YARP has cut the connection; if YARP cleared it
                // before the first byte, the client still gets a JSON answer, not a bare 502.
                Log.ResponseInterrupted(_logger, error, exception?.Message);
                await GatewayResponseWriter.WriteAsync(context, GatewayResponse.InternalServerError, exchange.RequestId);
                break;
            default:
                Log.IntegrationFailed(_logger, exchange.Table.ApiId, exchange.Table.StageName, exchange.Match.Route.Key.Text, error, exception?.Message);
                await GatewayResponseWriter.WriteAsync(context, GatewayResponse.InternalServerError, exchange.RequestId);
                break;
        }
    }

    public void Dispose() => _invoker.Dispose();

    private static bool IsTooLarge(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return true;
            }
        }

        return false;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Integration of {ApiId}/{StageName} route {RouteKey} timed out after {TimeoutMs} ms")]
        public static partial void IntegrationTimedOut(ILogger logger, string apiId, string stageName, string routeKey, int timeoutMs);

        [LoggerMessage(2, LogLevel.Warning, "Integration of {ApiId}/{StageName} route {RouteKey} failed: {Error} {Message}")]
        public static partial void IntegrationFailed(ILogger logger, string apiId, string stageName, string routeKey, ForwarderError error, string? message);

        [LoggerMessage(3, LogLevel.Debug, "Client request ended early: {Error} {Message}")]
        public static partial void ClientAborted(ILogger logger, ForwarderError error, string? message);

        [LoggerMessage(4, LogLevel.Debug, "Response interrupted after it started: {Error} {Message}")]
        public static partial void ResponseInterrupted(ILogger logger, ForwarderError error, string? message);
    }
}
