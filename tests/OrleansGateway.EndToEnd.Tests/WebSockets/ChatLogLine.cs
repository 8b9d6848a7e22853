namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>One line of a chat page's log: its kind (<c>joined</c>, <c>message</c>, <c>error</c>), who said it, the text.</summary>
internal sealed record ChatLogLine(string Kind, string? Name, string Text);
