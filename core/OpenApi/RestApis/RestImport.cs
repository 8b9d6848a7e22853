using OrleansGateway.RestApis;

namespace OrleansGateway.OpenApi.RestApis;

/// <summary>What an OpenAPI or Swagger document asks of a REST API, and what of it could not be imported.</summary>
public sealed record RestImport(RestApiContent Content, List<string> Warnings);
