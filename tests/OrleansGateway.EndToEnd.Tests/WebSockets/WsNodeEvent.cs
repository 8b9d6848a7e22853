namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>
/// One line <c>ws-client.mjs</c> printed: <c>open</c> (with the selected protocol), <c>message</c>,
/// <c>close</c> (code, reason), <c>unexpected-response</c> (status, body), <c>error</c>, <c>timeout</c>
/// (what it waited for) or <c>done</c> (the socket's readyState at the end).
/// </summary>
internal sealed record WsNodeEvent(
    string Event,
    string? Protocol = null,
    string? Data = null,
    bool? Binary = null,
    int? Code = null,
    string? Reason = null,
    int? Status = null,
    string? Body = null,
    string? Message = null,
    string? WaitingFor = null,
    int? ReadyState = null);
