using OrleansGateway.HttpApis;

namespace OrleansGateway.Edge.ControlPlane.HttpApis.OpenApi;

/// <summary>An authorizer from <c>components.securitySchemes</c>, known to routes by its scheme name.</summary>
public sealed record ImportedAuthorizer(string SchemeName, AuthorizerInput Input);
