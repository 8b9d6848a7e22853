namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>One chat page as the browser showed it: the status line and the log's lines.</summary>
internal sealed record ChatPageLog(string? Status, List<ChatLogLine> Log);
