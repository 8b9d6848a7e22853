namespace OrleansGateway.HttpApis;

/// <summary>The members of apigatewayv2 <c>CreateStage</c> / <c>UpdateStage</c>; null means "not given".</summary>
[GenerateSerializer, Immutable, Alias("gw.StageInput")]
public sealed record StageInput
{
    [Id(0)] public string? StageName { get; init; }
    [Id(1)] public string? DeploymentId { get; init; }
    [Id(2)] public string? Description { get; init; }
    [Id(3)] public Dictionary<string, string>? StageVariables { get; init; }
    [Id(4)] public bool? AutoDeploy { get; init; }
    [Id(5)] public RouteSettings? DefaultRouteSettings { get; init; }
    [Id(6)] public Dictionary<string, RouteSettings>? RouteSettings { get; init; }
    [Id(7)] public AccessLogSettings? AccessLogSettings { get; init; }
    [Id(8)] public string? ClientCertificateId { get; init; }
    [Id(9)] public Dictionary<string, string>? Tags { get; init; }
}
