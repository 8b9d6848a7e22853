namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>The groups API with group sends as observer calls per edge (the default).</summary>
public sealed class GroupManagementObserverTests(WebSocketEdgeFixture fixture) : GroupManagementTests(fixture), IClassFixture<WebSocketEdgeFixture>;
