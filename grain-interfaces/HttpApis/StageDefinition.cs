namespace OrleansGateway.HttpApis;

/// <summary>A stage (apigatewayv2 <c>Stage</c>): a name, the deployment it serves and its variables.</summary>
[GenerateSerializer, Alias("gw.StageDefinition")]
public sealed record StageDefinition
{
    [Id(0)] public required string StageName { get; init; }
    [Id(1)] public string? DeploymentId { get; init; }
    [Id(2)] public string? Description { get; init; }
    [Id(3)] public Dictionary<string, string>? StageVariables { get; init; }
    [Id(4)] public bool AutoDeploy { get; init; }
    [Id(5)] public DateTimeOffset CreatedDate { get; init; }
    [Id(6)] public DateTimeOffset LastUpdatedDate { get; init; }
    [Id(7)] public RouteSettings? DefaultRouteSettings { get; init; }
    [Id(8)] public Dictionary<string, RouteSettings>? RouteSettings { get; init; }
    [Id(9)] public string? LastDeploymentStatusMessage { get; init; }
    [Id(10)] public AccessLogSettings? AccessLogSettings { get; init; }
    [Id(11)] public string? ClientCertificateId { get; init; }
    [Id(12)] public Dictionary<string, string>? Tags { get; init; }
    [Id(13)] public bool ApiGatewayManaged { get; init; }
}
