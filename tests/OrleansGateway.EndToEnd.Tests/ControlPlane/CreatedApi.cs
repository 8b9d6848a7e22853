namespace OrleansGateway.EndToEnd.Tests.ControlPlane;

/// <summary>The ids of an API made by <see cref="ApiGatewayV2Cli.CreateFullApiAsync"/>.</summary>
public sealed record CreatedApi(string ApiId, string IntegrationId, string RouteId, string StageName, string DeploymentId);
