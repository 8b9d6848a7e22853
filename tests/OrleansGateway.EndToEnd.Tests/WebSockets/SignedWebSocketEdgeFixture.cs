using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>A WebSocket edge with admin keys: the control plane and the management APIs require Signature V4 with the AWS CLI test keys.</summary>
public sealed class SignedWebSocketEdgeFixture : WebSocketEdgeFixture
{
    protected override IReadOnlyDictionary<string, string>? Environment => new Dictionary<string, string>
    {
        ["Gateway__Admin__AccessKeyId"] = AwsCli.AccessKeyId,
        ["Gateway__Admin__SecretAccessKey"] = AwsCli.SecretAccessKey,
    };
}
