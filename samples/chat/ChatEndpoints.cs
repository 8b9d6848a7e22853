using System.Text.Json;

namespace OrleansGateway.Samples.Chat;

/// <summary>
/// The WebSocket API's HTTP integrations: <c>POST /join</c> puts the calling connection into the room's
/// group and tells the room; <c>POST /send</c> broadcasts a message to the room. The gateway passes the
/// connection's ID in the <c>connectionId</c> header (a requestParameters mapping from
/// <c>context.connectionId</c>) and the client's message through as the body. The routes are one-way,
/// so what these answer is not sent to the client; a refused message gets an <c>error</c> event instead.
/// </summary>
public static partial class ChatEndpoints
{
    public const int MaxRoomLength = 64;
    public const int MaxNameLength = 32;
    public const int MaxTextLength = 2000;

    public static void Map(WebApplication app)
    {
        app.MapPost("/join", JoinAsync);
        app.MapPost("/send", SendAsync);
    }

    private static async Task<IResult> JoinAsync(HttpContext context, StageClient stage, ILogger<StageClient> logger)
    {
        var (connectionId, message, refusal) = await ReadAsync(context, stage, requireText: false);
        if (refusal is not null)
        {
            return refusal;
        }

        var ct = context.RequestAborted;
        var joined = await stage.JoinGroupAsync(message!.Room!, connectionId!, ct);
        if (!joined.IsSuccess)
        {
            Log.StageRefused(logger, "join", joined.Status, joined.Body);
            return Results.StatusCode(StatusCodes.Status502BadGateway);
        }

        // Everyone in the room, the newcomer included, hears of it: the page takes this as the sign that it is in.
        return await BroadcastAsync(stage, logger, message.Room!, new ChatEvent("joined", message.Room, message.Name), ct);
    }

    private static async Task<IResult> SendAsync(HttpContext context, StageClient stage, ILogger<StageClient> logger)
    {
        var (_, message, refusal) = await ReadAsync(context, stage, requireText: true);
        return refusal ?? await BroadcastAsync(stage, logger, message!.Room!, new ChatEvent("message", message.Room, message.Name, message.Text), context.RequestAborted);
    }

    private static async Task<IResult> BroadcastAsync(StageClient stage, ILogger logger, string room, ChatEvent chatEvent, CancellationToken ct)
    {
        var sent = await stage.SendToGroupAsync(room, chatEvent, ct);
        if (!sent.IsSuccess)
        {
            Log.StageRefused(logger, chatEvent.Type, sent.Status, sent.Body);
            return Results.StatusCode(StatusCodes.Status502BadGateway);
        }

        return Results.Text(sent.Body, "application/json");
    }

    /// <summary>The connection and its message, or the answer to give when either is unusable.</summary>
    private static async Task<(string? ConnectionId, ChatMessage? Message, IResult? Refusal)> ReadAsync(HttpContext context, StageClient stage, bool requireText)
    {
        var connectionId = context.Request.Headers["connectionId"].ToString();
        if (connectionId.Length == 0)
        {
            // The integration lacks its requestParameters mapping; nobody to tell but the gateway.
            return (null, null, Refused("no connectionId header: map integration.request.header.connectionId to context.connectionId"));
        }

        ChatMessage? message;
        try
        {
            // Whatever the content type says: the gateway passes the client's message through as it came.
            message = await JsonSerializer.DeserializeAsync(context.Request.Body, ChatJson.Default.ChatMessage, context.RequestAborted);
        }
        catch (JsonException)
        {
            message = null;
        }

        var problem = message switch
        {
            null => "the message is not a JSON object",
            { Room: null } or { Room.Length: 0 or > MaxRoomLength } => $"room: 1 to {MaxRoomLength} characters",
            _ when !message.Room.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') => "room: letters, digits, dots, underscores and hyphens only",
            { Name: null } or { Name.Length: 0 or > MaxNameLength } => $"name: 1 to {MaxNameLength} characters",
            { Text: null or { Length: 0 } } when requireText => "text: say something",
            { Text.Length: > MaxTextLength } => $"text: at most {MaxTextLength} characters",
            _ => null,
        };
        if (problem is null)
        {
            return (connectionId, message, null);
        }

        await stage.PostToConnectionAsync(connectionId, new ChatEvent("error", Message: problem), context.RequestAborted);
        return (null, null, Refused(problem));
    }

    private static IResult Refused(string problem) =>
        Results.Json(new ChatEvent("error", Message: problem), ChatJson.Default.ChatEvent, statusCode: StatusCodes.Status400BadRequest);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "The gateway refused the {Operation} call with {Status}: {Body}")]
        public static partial void StageRefused(ILogger logger, string operation, int status, string body);
    }
}
