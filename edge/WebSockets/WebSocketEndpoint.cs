using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using OrleansGateway.ApiKeys;
using OrleansGateway.Edge.ApiKeys;
using OrleansGateway.Edge.DataPlane;
using OrleansGateway.Edges;
using OrleansGateway.WebSockets;

namespace OrleansGateway.Edge.WebSockets;

/// <summary>
/// A WebSocket API's invoke URL, step by step as AWS describes a connection's life: check the upgrade
/// → the API key <c>$connect</c> requires, if it does (checked here, from the edge's tables) → run <c>$connect</c> in the connection's grain (a non-2xx answer is the client's status, and no
/// socket opens) → record the connection with the cluster → complete the handshake → hand each text
/// message to the grain in order → on any close, leave groups and run <c>$disconnect</c>.
/// </summary>
public sealed partial class WebSocketEndpoint(
    IGrainFactory grains,
    SocketRegistry sockets,
    GroupSubscriptions groups,
    EdgeIdentity identity,
    RoutingTableCache stages,
    ApiKeyAdmission apiKeys,
    WebSocketApiOptions options,
    ILogger<WebSocketEndpoint> logger)
{
    private static readonly byte[] UpgradeRequired = """{"message":"Upgrade Required"}"""u8.ToArray();
    private uint _sequence;

    public async Task ServeAsync(HttpContext context, ApiRouting api, string stage, string requestId)
    {
        if (!WebSocketHandshake.IsUpgrade(context))
        {
            await WriteAsync(context, StatusCodes.Status426UpgradeRequired, UpgradeRequired, requestId);
            return;
        }

        if (!WebSocketHandshake.IsValid(context.Request))
        {
            await GatewayResponseWriter.WriteAsync(context, GatewayResponse.BadRequest, requestId);
            return;
        }

        if (identity.Registration is not { } edge)
        {
            // Not (or no longer) a member of the cluster: a socket here could not be reached by pushes.
            await GatewayResponseWriter.WriteAsync(context, GatewayResponse.ServiceUnavailable, requestId);
            return;
        }

        var (refused, apiKey) = await CheckApiKeyAsync(context, api, stage);
        if (refused is not null)
        {
            await GatewayResponseWriter.WriteAsync(context, refused, requestId);
            return;
        }

        // Accepting runs in its own method so that nothing it held (the upgrade request's headers
        // above all) stays alive for the socket's life.
        if (await AcceptAsync(context, api.ApiId, stage, requestId, edge, apiKey) is { } accepted)
        {
            await RunSessionAsync(accepted.Connection, accepted.Guard, accepted.Socket);
        }
    }

    /// <summary>
    /// Step 0: a stage whose <c>$connect</c> route requires an API key admits the upgrade only with an
    /// enabled key in a usage plan covering the stage (else 403), within the plan's throttle and quota
    /// for the key (else 429): before the handshake, so a refused client never gets a socket and
    /// <c>$connect</c>'s integration is never called. Each admitted connect is one request of the quota.
    /// </summary>
    private async ValueTask<(GatewayResponse? Refused, ApiKeyEntry? Key)> CheckApiKeyAsync(HttpContext context, ApiRouting api, string stage)
    {
        if (!RoutingTableCache.TryGetStage(api, stage, out var table))
        {
            table = await stages.GetStageAsync(api, stage);
        }

        if (table?.ConnectApiKey is not { } required)
        {
            return (null, null);
        }

        var key = required.IsFromHeader ? await apiKeys.FindAsync(context.Request) : null;
        if (ApiKeyAdmission.PlanFor(key, api.ApiId, stage) is not { } plan)
        {
            return (GatewayResponse.Forbidden, null);
        }

        return await apiKeys.MeterAsync(plan) switch
        {
            ApiKeyVerdict.Throttled => (GatewayResponse.TooManyRequests, null),
            ApiKeyVerdict.QuotaExceeded => (GatewayResponse.LimitExceeded, null),
            _ => (null, key),
        };
    }

    /// <summary>Steps 1–3: <c>$connect</c>, the record, the handshake. Null when the client was answered with a status instead.</summary>
    private async Task<(ClientConnection Connection, FrameGuardStream Guard, WebSocket Socket)?> AcceptAsync(
        HttpContext context, string apiId, string stage, string requestId, EdgeRegistration edge, ApiKeyEntry? apiKey)
    {
        var connectionId = ConnectionIds.Create(edge.EdgeId, Interlocked.Increment(ref _sequence), edge.ConnectionIdKey);
        var connect = Describe(context, apiId, stage, connectionId, edge.EdgeId) with { ApiKey = apiKey?.Value, ApiKeyId = apiKey?.Id };
        var grain = grains.GetGrain<IConnectionGrain>(connectionId);

        // 1. $connect, in the grain; its outcome comes back through this edge's observer.
        ConnectOutcome outcome;
        var pending = sockets.ExpectConnect(connectionId);
        try
        {
            await grain.Connect(connect);
            outcome = await pending.Task.WaitAsync(options.ConnectTimeout, context.RequestAborted);
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            Log.ConnectFailed(logger, connectionId, e.GetType().Name, e.Message);
            await GatewayResponseWriter.WriteAsync(context, GatewayResponse.InternalServerError, requestId);
            return null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        finally
        {
            sockets.ForgetConnect(connectionId);
        }

        if (!outcome.Accepted)
        {
            await WriteAsync(context, outcome.StatusCode, Encoding.UTF8.GetBytes(outcome.Body ?? string.Empty), requestId);
            return null;
        }

        // 2. Recorded before the client hears yes, so that whatever happens to this edge, $disconnect runs.
        var kept = connect with { Headers = null, QueryString = null, OfferedSubprotocols = null };
        try
        {
            await grains.GetGrain<IEdgeConnectionsGrain>(EdgeShards.KeyOf(edge.EdgeId, connectionId)).Add(new ConnectionRecord { Context = kept });
        }
        catch (Exception e)
        {
            Log.RecordFailed(logger, connectionId, e.GetType().Name, e.Message);
            _ = RunDisconnectAsync(grain, kept, (int)WebSocketCloseStatus.InternalServerError, "Connection could not be recorded");
            await GatewayResponseWriter.WriteAsync(context, GatewayResponse.InternalServerError, requestId);
            return null;
        }

        // 3. The handshake.
        var response = context.Response;
        response.Headers.Connection = "Upgrade";
        response.Headers.Upgrade = "websocket";
        response.Headers.SecWebSocketAccept = WebSocketHandshake.AcceptKey(context.Request.Headers.SecWebSocketKey.ToString());
        if (outcome.Subprotocol is { } subprotocol)
        {
            response.Headers.SecWebSocketProtocol = subprotocol;
        }

        response.Headers[GatewayResponseWriter.RequestIdHeader] = requestId;
        if (context.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } bodyRate)
        {
            bodyRate.MinDataRate = null;
        }

        if (context.Features.Get<IHttpMinResponseDataRateFeature>() is { } responseRate)
        {
            responseRate.MinDataRate = null;
        }

        Stream stream;
        try
        {
            stream = await context.Features.GetRequiredFeature<IHttpUpgradeFeature>().UpgradeAsync();
        }
        catch (Exception e)
        {
            Log.UpgradeFailed(logger, connectionId, e.GetType().Name, e.Message);
            await RunDisconnectAsync(grain, kept, (int)WebSocketCloseStatus.Empty, "Handshake failed");
            return null;
        }

        var guard = new FrameGuardStream(stream, options.MaxFrameBytes);
        var socket = WebSocket.CreateFromStream(guard, new WebSocketCreationOptions
        {
            IsServer = true,
            SubProtocol = outcome.Subprotocol,
            KeepAliveInterval = options.KeepAliveInterval,
        });
        return (new ClientConnection(socket, kept, context.Abort), guard, socket);
    }

    /// <summary>Steps 4–5: messages until the socket closes, then groups left and <c>$disconnect</c>.</summary>
    private async Task RunSessionAsync(ClientConnection connection, FrameGuardStream guard, WebSocket socket)
    {
        var connectionId = connection.Context.ConnectionId;
        var grain = grains.GetGrain<IConnectionGrain>(connectionId);
        sockets.Add(connection);
        try
        {
            await ReceiveAsync(connection, guard, grain);
        }
        finally
        {
            sockets.Remove(connectionId);
            LeaveGroups(connection);
            if (!connection.Abandoned)
            {
                var (status, reason) = ClosedWith(connection, socket);
                await RunDisconnectAsync(grain, connection.Context, status, reason);
            }

            socket.Dispose();
        }
    }

    /// <summary>Messages in order, each handed to the grain before the next is read; ends when the socket closes.</summary>
    private async Task ReceiveAsync(ClientConnection connection, FrameGuardStream guard, IConnectionGrain grain)
    {
        var socket = connection.Socket;
        while (socket.State == WebSocketState.Open)
        {
            try
            {
                // An idle socket waits here holding no buffer.
                await guard.WaitForDataAsync(CancellationToken.None);
                var (type, length, buffer) = await ReadMessageAsync(socket, guard);
                try
                {
                    switch (type)
                    {
                        case WebSocketMessageType.Close:
                            await connection.CloseAsync(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, socket.CloseStatusDescription ?? string.Empty, options.SendTimeout);
                            return;
                        case WebSocketMessageType.Binary:
                            await connection.CloseAsync(WebSocketCloseStatus.InvalidMessageType, "Binary frames are not supported", options.SendTimeout);
                            return;
                        case null:
                            await connection.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", options.SendTimeout);
                            return;
                    }

                    connection.Touch();
                    string body;
                    try
                    {
                        body = Encoding.UTF8.GetString(buffer, 0, length);
                    }
                    catch (ArgumentException)
                    {
                        await connection.CloseAsync(WebSocketCloseStatus.InvalidPayloadData, "Invalid UTF-8", options.SendTimeout);
                        return;
                    }

                    await DeliverAsync(connection, grain, body);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
            catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One whole message; type null when a frame or the message was over its limit.</summary>
    private async Task<(WebSocketMessageType? Type, int Length, byte[] Buffer)> ReadMessageAsync(WebSocket socket, FrameGuardStream guard)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(options.MaxMessageBytes + 1);
        var length = 0;
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                length += result.Count;
                if (guard.FrameTooLarge || length > options.MaxMessageBytes)
                {
                    return (null, length, buffer);
                }

                if (result.MessageType == WebSocketMessageType.Close || result.EndOfMessage)
                {
                    return (result.MessageType, length, buffer);
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private async Task DeliverAsync(ClientConnection connection, IConnectionGrain grain, string body)
    {
        try
        {
            await grain.Receive(connection.Context, body, RequestIds.Next());
        }
        catch (Exception e)
        {
            // The message was not taken: the client hears so, as AWS tells it about a failed route.
            Log.ReceiveFailed(logger, connection.Context.ConnectionId, e.GetType().Name, e.Message);
            await connection.SendAsync(WebSocketErrorFrames.InternalServerError(connection.Context.ConnectionId, RequestIds.Next()), options.SendTimeout);
        }
    }

    private async Task RunDisconnectAsync(IConnectionGrain grain, ConnectionContext context, int status, string reason)
    {
        try
        {
            await grain.Disconnect(context, status, reason);
        }
        catch (Exception e)
        {
            // The record stays with the cluster: if this edge dies, the directory runs it.
            Log.DisconnectFailed(logger, context.ConnectionId, e.GetType().Name, e.Message);
        }
    }

    private void LeaveGroups(ClientConnection connection)
    {
        foreach (var group in connection.Groups())
        {
            // Locally too: the group's word may never come if this edge lost its ID.
            _ = groups.LeftAsync(group, connection.Context.ConnectionId);
            _ = LeaveGroupAsync(group, connection.Context.ConnectionId);
        }
    }

    private async Task LeaveGroupAsync(string groupKey, string connectionId)
    {
        try
        {
            await grains.GetGrain<IGroupGrain>(groupKey).Leave(connectionId);
        }
        catch (Exception e)
        {
            // The group drops the member on its next send, when this edge says the socket is gone.
            Log.LeaveFailed(logger, connectionId, groupKey, e.GetType().Name, e.Message);
        }
    }

    /// <summary>What <c>$disconnect</c> reports: the edge's own reason, the client's close frame, or 1006 for a connection that just ended.</summary>
    private static (int Status, string Reason) ClosedWith(ClientConnection connection, WebSocket socket) =>
        connection.CloseStatus != 0 ? (connection.CloseStatus, connection.CloseReason)
        : socket.CloseStatus is { } status ? ((int)status, socket.CloseStatusDescription ?? string.Empty)
        : (1006, "Connection lost");

    private static ConnectionContext Describe(HttpContext context, string apiId, string stage, string connectionId, int edgeId)
    {
        var request = context.Request;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = values.ToString();
        }

        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Query)
        {
            query[name] = values.Count > 0 ? values[^1] ?? string.Empty : string.Empty;
        }

        return new ConnectionContext
        {
            ApiId = apiId,
            Stage = stage,
            ConnectionId = connectionId,
            EdgeId = edgeId,
            ConnectedAt = DateTimeOffset.UtcNow,
            SourceIp = context.Connection.RemoteIpAddress?.ToString(),
            UserAgent = request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null,
            DomainName = request.Host.Host,
            Headers = headers,
            QueryString = query,
            OfferedSubprotocols = WebSocketHandshake.OfferedSubprotocols(request),
        };
    }

    private static async Task WriteAsync(HttpContext context, int status, byte[] body, string requestId)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.Headers[GatewayResponseWriter.RequestIdHeader] = requestId;
        if (body.Length > 0)
        {
            response.ContentType = "application/json";
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "WebSocket {ConnectionId}: $connect could not run ({ErrorType}: {Message})")]
        public static partial void ConnectFailed(ILogger logger, string connectionId, string errorType, string message);

        [LoggerMessage(2, LogLevel.Warning, "WebSocket {ConnectionId}: recording the connection failed ({ErrorType}: {Message}); refused with 500")]
        public static partial void RecordFailed(ILogger logger, string connectionId, string errorType, string message);

        [LoggerMessage(3, LogLevel.Debug, "WebSocket {ConnectionId}: the upgrade failed ({ErrorType}: {Message})")]
        public static partial void UpgradeFailed(ILogger logger, string connectionId, string errorType, string message);

        [LoggerMessage(4, LogLevel.Warning, "WebSocket {ConnectionId}: a message could not be handed to its grain ({ErrorType}: {Message})")]
        public static partial void ReceiveFailed(ILogger logger, string connectionId, string errorType, string message);

        [LoggerMessage(5, LogLevel.Warning, "WebSocket {ConnectionId}: $disconnect could not be queued ({ErrorType}: {Message}); it runs when the cluster finds this edge gone")]
        public static partial void DisconnectFailed(ILogger logger, string connectionId, string errorType, string message);

        [LoggerMessage(6, LogLevel.Debug, "WebSocket {ConnectionId}: leaving group {Group} failed ({ErrorType}: {Message})")]
        public static partial void LeaveFailed(ILogger logger, string connectionId, string group, string errorType, string message);
    }
}
