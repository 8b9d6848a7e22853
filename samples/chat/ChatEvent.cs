namespace OrleansGateway.Samples.Chat;

/// <summary>
/// What the backend pushes to pages: <c>joined</c> and <c>message</c> to a room's group,
/// <c>error</c> to the one connection whose message was refused.
/// </summary>
public sealed record ChatEvent(string Type, string? Room = null, string? Name = null, string? Text = null, string? Message = null);
