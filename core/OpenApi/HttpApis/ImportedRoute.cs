using OrleansGateway.HttpApis;

namespace OrleansGateway.OpenApi.HttpApis;

/// <summary>A route from <c>paths</c>, its integration when it has one, and the security scheme it names.</summary>
public sealed record ImportedRoute(string RouteKey, IntegrationInput? Integration, string? SchemeName, List<string>? Scopes);
