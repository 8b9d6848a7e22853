using Microsoft.Extensions.Logging;
using OrleansGateway.Edges;
using OrleansGateway.Errors;
using OrleansGateway.Mapping.Context;

namespace OrleansGateway.WebSockets;

/// <summary>
/// One connection's routes, in the order the edge handed them over. Calls return once the work is
/// queued: an integration may take 29 s, far past the 5 s an edge waits for a grain call in cluster
/// mode, and an edge blocked on a slow route would stop reading its socket. Results go back through
/// the edge's observer (the connect outcome, a two-way route's answer, an error frame). Nothing is
/// persisted here: what a route needs comes with each call, and the edge is named by the ID, so the
/// grain deactivates after <c>$connect</c> and comes back on the connection's next message or push.
/// </summary>
[CollectionAgeLimit(Minutes = 2)]
public sealed partial class ConnectionGrain(
    IGrainFactory grains,
    EdgeLocator edges,
    WebSocketRouteTables tables,
    WebSocketRouteDispatcher dispatcher,
    ILogger<ConnectionGrain> logger) : Grain, IConnectionGrain
{
    /// <summary>Messages waiting behind a slow route; past this the client gets an error frame instead of a longer queue.</summary>
    private const int MaxQueued = 64;

    /// <summary>Tries of a <c>$disconnect</c> whose stage could not be read, 1 s, 2 s, 3 s apart.</summary>
    private const int DisconnectAttempts = 4;

    /// <summary>Why a push, a join or a look-up answered 503 (see <see cref="AskEdgeAsync{T}"/>).</summary>
    internal const string EdgeUnreachableMessage = "The edge holding the connection could not be reached; retry.";

    private readonly Queue<WebSocketRouteRequest> _queue = new();
    private bool _pumping;
    private Task? _pump;

    private string ConnectionId => this.GetPrimaryKeyString();

    public Task Connect(ConnectionContext context) => Enqueue(new WebSocketRouteRequest
    {
        EventType = WebSocketEventType.Connect,
        Connection = context,
        RequestId = RequestIds.Next(),
    });

    public Task Receive(ConnectionContext context, string body, string messageId) => Enqueue(new WebSocketRouteRequest
    {
        EventType = WebSocketEventType.Message,
        Connection = context,
        Body = body,
        MessageId = messageId,
        RequestId = RequestIds.Next(),
    });

    public Task Disconnect(ConnectionContext context, int statusCode, string reason) => Enqueue(new WebSocketRouteRequest
    {
        EventType = WebSocketEventType.Disconnect,
        Connection = context,
        RequestId = RequestIds.Next(),
        DisconnectStatusCode = statusCode,
        DisconnectReason = reason,
    });

    public Task<bool> Post(string apiId, string stage, byte[] payload) => AskEdgeAsync(edge => edge.Post(ConnectionId, apiId, stage, payload));

    public Task<ConnectionDescription?> Describe(string apiId, string stage) => AskEdgeAsync(edge => edge.Describe(ConnectionId, apiId, stage));

    public Task<bool> Close(string apiId, string stage) => AskEdgeAsync(edge => edge.Close(ConnectionId, apiId, stage));

    private Task Enqueue(WebSocketRouteRequest request)
    {
        if (request.EventType == WebSocketEventType.Message && _queue.Count >= MaxQueued)
        {
            Log.QueueFull(logger, ConnectionId, MaxQueued);
            return TellEdgeAsync(edge => edge.Send(ConnectionId, WebSocketErrorFrames.TooManyRequests(ConnectionId, request.RequestId)), request.Connection.EdgeId);
        }

        _queue.Enqueue(request);
        if (!_pumping)
        {
            _pumping = true;
            _pump = PumpAsync();
        }

        return Task.CompletedTask;
    }

    /// <summary>A silo shutting down waits for queued routes (a <c>$disconnect</c> above all) before this activation goes.</summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_pump is { } pump)
        {
            try
            {
                await pump.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Log.DeactivatedWithWork(logger, ConnectionId, _queue.Count);
            }
        }
    }

    /// <summary>Runs queued routes one at a time, on this activation, in the order they came.</summary>
    private async Task PumpAsync()
    {
        var deactivate = false;
        while (_queue.TryDequeue(out var request))
        {
            deactivate = request.EventType != WebSocketEventType.Message;
            try
            {
                await RunAsync(request);
            }
            catch (Exception e)
            {
                Log.RouteFailed(logger, ConnectionId, request.EventType, e.GetType().Name, e.Message);
            }
        }

        _pumping = false;

        // A connection that has only connected (or is gone) keeps nothing here until it speaks.
        if (deactivate)
        {
            DeactivateOnIdle();
        }
    }

    private async Task RunAsync(WebSocketRouteRequest request)
    {
        var context = request.Connection;
        WebSocketRouteOutcome outcome;
        var failed = false;

        // A $disconnect is owed exactly once: when the stage's table cannot be had just now (a silo
        // failing over), it is tried again, and its record is kept if it never ran.
        var attempts = request.EventType == WebSocketEventType.Disconnect ? DisconnectAttempts : 1;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var table = await tables.GetAsync(context.ApiId, context.Stage);
                outcome = table is null
                    ? new WebSocketRouteOutcome { StatusCode = 403, ErrorBody = """{"message":"Forbidden"}""" }
                    : await dispatcher.DispatchAsync(table, request, CancellationToken.None);

                // A $connect refused with 4xx is the integration's answer to the client, not a fault.
                if (outcome.Failure is { } failure && !(request.EventType == WebSocketEventType.Connect && outcome.StatusCode < 500))
                {
                    Log.IntegrationFailed(logger, ConnectionId, request.EventType, outcome.StatusCode, failure);
                }

                break;
            }
            catch (Exception e) when (attempt < attempts)
            {
                Log.RouteRetried(logger, ConnectionId, request.EventType, attempt, e.GetType().Name, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
            catch (Exception e)
            {
                Log.RouteFailed(logger, ConnectionId, request.EventType, e.GetType().Name, e.Message);
                failed = true;
                outcome = new WebSocketRouteOutcome
                {
                    StatusCode = 500,
                    ErrorBody = """{"message":"Internal server error"}""",
                    Reply = WebSocketErrorFrames.InternalServerError(ConnectionId, request.RequestId),
                };
                break;
            }
        }

        switch (request.EventType)
        {
            case WebSocketEventType.Connect:
                await TellEdgeAsync(edge => edge.ConnectCompleted(ConnectionId, new ConnectOutcome
                {
                    StatusCode = outcome.StatusCode,
                    Subprotocol = outcome.Subprotocol,
                    Body = outcome.ErrorBody,
                }), context.EdgeId);
                break;
            case WebSocketEventType.Message when outcome.Reply is { } reply:
                await TellEdgeAsync(edge => edge.Send(ConnectionId, reply), context.EdgeId);
                break;
            case WebSocketEventType.Disconnect when failed:
                // The record stays: the edge's leaving or death runs this $disconnect again from its shard.
                Log.DisconnectOwed(logger, ConnectionId);
                break;
            case WebSocketEventType.Disconnect:
                // Only now is the record no longer needed: had this silo died first, the edge's death or the shard's retry would run it.
                await grains.GetGrain<IEdgeConnectionsGrain>(EdgeShards.KeyOf(context.EdgeId, ConnectionId)).Remove(ConnectionId);
                break;
        }
    }

    private async Task TellEdgeAsync(Func<IEdgeObserver, Task> call, int edgeId)
    {
        try
        {
            if (await FindEdgeAsync(edgeId) is { } edge)
            {
                await call(edge);
            }
        }
        catch (Exception e)
        {
            Log.EdgeUnreachable(logger, ConnectionId, e.GetType().Name, e.Message);
            edges.Forget(ConnectionIds.EdgeOf(ConnectionId));
        }
    }

    /// <summary>
    /// Asks the edge the ID names; default (gone, 410) when the edge directory does not know that edge.
    /// A known edge that cannot be reached just now (a silo failing over, the edge not yet connected
    /// to the silo this activation moved to) is 503: the socket may well be open, and a backend told
    /// 410 forgets the connection for good.
    /// </summary>
    private async Task<T?> AskEdgeAsync<T>(Func<IEdgeObserver, Task<T>> call)
    {
        try
        {
            return await FindEdgeAsync() is { } edge ? await call(edge) : default;
        }
        catch (Exception e)
        {
            Log.EdgeUnreachable(logger, ConnectionId, e.GetType().Name, e.Message);
            edges.Forget(ConnectionIds.EdgeOf(ConnectionId));
            throw ApiGatewayException.ServiceUnavailable(EdgeUnreachableMessage);
        }
    }

    private Task<IEdgeObserver?> FindEdgeAsync(int? edgeId = null)
    {
        var id = edgeId ?? ConnectionIds.EdgeOf(ConnectionId);
        return id > 0 ? edges.FindAsync(id) : Task.FromResult<IEdgeObserver?>(null);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Connection {ConnectionId}: the {EventType} route failed ({ErrorType}: {Message})")]
        public static partial void RouteFailed(ILogger logger, string connectionId, WebSocketEventType eventType, string errorType, string message);

        [LoggerMessage(3, LogLevel.Warning, "Connection {ConnectionId}: {Count} messages are waiting for a slow route; the next one is refused")]
        public static partial void QueueFull(ILogger logger, string connectionId, int count);

        [LoggerMessage(4, LogLevel.Warning, "Connection {ConnectionId}: deactivated before {Count} queued routes ran")]
        public static partial void DeactivatedWithWork(ILogger logger, string connectionId, int count);

        [LoggerMessage(5, LogLevel.Warning, "Connection {ConnectionId}: the {EventType} route answered {StatusCode}: {Failure}")]
        public static partial void IntegrationFailed(ILogger logger, string connectionId, WebSocketEventType eventType, int statusCode, string failure);

        [LoggerMessage(6, LogLevel.Warning, "Connection {ConnectionId}: the {EventType} route could not start (try {Attempt}: {ErrorType}: {Message}); trying again")]
        public static partial void RouteRetried(ILogger logger, string connectionId, WebSocketEventType eventType, int attempt, string errorType, string message);

        [LoggerMessage(7, LogLevel.Warning, "Connection {ConnectionId}: $disconnect did not run; its record is kept so that the edge's leaving or death runs it")]
        public static partial void DisconnectOwed(ILogger logger, string connectionId);

        [LoggerMessage(2, LogLevel.Debug, "Connection {ConnectionId}: its edge could not be reached ({ErrorType}: {Message})")]
        public static partial void EdgeUnreachable(ILogger logger, string connectionId, string errorType, string message);
    }
}
