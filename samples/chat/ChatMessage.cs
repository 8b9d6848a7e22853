namespace OrleansGateway.Samples.Chat;

/// <summary>
/// What a page sends on the socket, as the gateway passes it through: <c>{"action": "join", "room", "name"}</c>
/// or <c>{"action": "send", "room", "name", "text"}</c>.
/// </summary>
public sealed record ChatMessage(string? Action, string? Room, string? Name, string? Text);
