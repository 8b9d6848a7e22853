namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>One step of <c>ws-client.mjs</c>'s plan; only the step's own fields are set.</summary>
internal sealed record WsNodeStep(
    string? Send = null,
    string[]? SendBurst = null,
    int? SendFilled = null,
    byte[]? SendBinary = null,
    int? Receive = null,
    bool? WaitForClose = null,
    int? Close = null,
    string? Reason = null)
{
    public static WsNodeStep Text(string text) => new(Send: text);

    /// <summary>Several text messages written without waiting between them.</summary>
    public static WsNodeStep Burst(params string[] texts) => new(SendBurst: texts);

    /// <summary>One text frame of <paramref name="bytes"/> letters.</summary>
    public static WsNodeStep Filled(int bytes) => new(SendFilled: bytes);

    public static WsNodeStep Binary(params byte[] payload) => new(SendBinary: payload);

    /// <summary>Waits until <paramref name="messages"/> messages in all have come (or the socket closed).</summary>
    public static WsNodeStep ReceiveUntil(int messages) => new(Receive: messages);

    public static WsNodeStep AwaitClose() => new(WaitForClose: true);

    public static WsNodeStep CloseWith(int code, string reason) => new(Close: code, Reason: reason);
}
