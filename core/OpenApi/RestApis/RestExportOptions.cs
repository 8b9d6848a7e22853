namespace OrleansGateway.OpenApi.RestApis;

/// <summary>GetExport's choices: the document kind, the extensions (AWS's names) and where the stage is served.</summary>
public sealed record RestExportOptions
{
    /// <summary><c>oas30</c> or <c>swagger</c>.</summary>
    public required string ExportType { get; init; }

    /// <summary>The <c>extensions</c> parameter's items: <c>integrations</c>, <c>authorizers</c>, <c>apigateway</c>, <c>postman</c>.</summary>
    public IReadOnlySet<string> Extensions { get; init; } = new HashSet<string>();

    /// <summary>The stage's invoke URL without the stage (<c>http://host:port</c>).</summary>
    public required string ServerUrl { get; init; }

    public required string StageName { get; init; }

    public bool Swagger => ExportType == "swagger";

    public bool WithIntegrations => Extensions.Contains("integrations") || Extensions.Contains("apigateway");

    public bool WithAuthorizers => Extensions.Contains("authorizers") || Extensions.Contains("apigateway");

    /// <summary>The API's own settings (gateway responses, validators, binary media types, ...): AWS writes them with <c>apigateway</c>.</summary>
    public bool WithApiSettings => Extensions.Contains("apigateway");
}
