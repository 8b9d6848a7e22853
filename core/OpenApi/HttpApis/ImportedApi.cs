using OrleansGateway.HttpApis;

namespace OrleansGateway.OpenApi.HttpApis;

/// <summary>What an OpenAPI definition asks for: the API's own members, its authorizers and its routes.</summary>
public sealed record ImportedApi(ApiInput Api, List<ImportedAuthorizer> Authorizers, List<ImportedRoute> Routes, List<string> Warnings);
