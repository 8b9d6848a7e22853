namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>The groups API with group sends over a stream per group.</summary>
public sealed class GroupManagementStreamTests(StreamFanOutEdgeFixture fixture) : GroupManagementTests(fixture), IClassFixture<StreamFanOutEdgeFixture>;
