using OrleansGateway.HttpApis;

namespace OrleansGateway.Edge.ControlPlane.HttpApis.OpenApi;

/// <summary>What an OpenAPI definition asks for: the API's own members, its authorizers and its routes.</summary>
public sealed record ImportedApi(ApiInput Api, List<ImportedAuthorizer> Authorizers, List<ImportedRoute> Routes, List<string> Warnings);
