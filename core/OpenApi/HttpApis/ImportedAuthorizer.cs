using OrleansGateway.HttpApis;

namespace OrleansGateway.OpenApi.HttpApis;

/// <summary>An authorizer from <c>components.securitySchemes</c>, known to routes by its scheme name.</summary>
public sealed record ImportedAuthorizer(string SchemeName, AuthorizerInput Input);
