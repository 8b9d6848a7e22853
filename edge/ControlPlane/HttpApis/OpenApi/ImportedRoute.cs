using OrleansGateway.HttpApis;

namespace OrleansGateway.Edge.ControlPlane.HttpApis.OpenApi;

/// <summary>A route from <c>paths</c>, its integration when it has one, and the security scheme it names.</summary>
public sealed record ImportedRoute(string RouteKey, IntegrationInput? Integration, string? SchemeName, List<string>? Scopes);
