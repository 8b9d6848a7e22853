namespace OrleansGateway.EndToEnd.Tests.Infrastructure;

/// <summary>One embedded edge whose admin endpoint requires Signature V4 with the AWS CLI test keys.</summary>
public sealed class SignedEdgeFixture : IAsyncLifetime
{
    public EdgeHost Edge { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Edge = await EdgeHost.StartAsync(environment: new Dictionary<string, string>
        {
            ["Gateway__Admin__AccessKeyId"] = AwsCli.AccessKeyId,
            ["Gateway__Admin__SecretAccessKey"] = AwsCli.SecretAccessKey,
        });

    public async ValueTask DisposeAsync() => await Edge.DisposeAsync();
}
