using OrleansGateway.Mapping.GatewayResponses;

namespace OrleansGateway.RestApis;

/// <summary>What AWS gives a new REST API and its stages without being asked.</summary>
public static class RestDefaults
{
    public const string EmptyModel = "Empty";
    public const string ErrorModel = "Error";
    public const string JsonContentType = "application/json";
    public const int TimeoutInMillis = 29000;
    public const int MinTimeoutInMillis = 50;
    public const string PassthroughWhenNoMatch = "WHEN_NO_MATCH";
    public const string CacheClusterNotAvailable = "NOT_AVAILABLE";
    public const string ApiKeySourceHeader = "HEADER";
    public const string EndpointTypeEdge = "EDGE";

    /// <summary>The models every API created by CreateRestApi starts with.</summary>
    public static List<RestModel> Models(Func<string> newId) =>
    [
        new()
        {
            Id = newId(),
            Name = EmptyModel,
            ContentType = JsonContentType,
            Description = "This is a default empty schema model",
            Schema = "{\n  \"$schema\": \"http://json-schema.org/draft-04/schema#\",\n  \"title\" : \"Empty Schema\",\n  \"type\" : \"object\"\n}",
        },
        new()
        {
            Id = newId(),
            Name = ErrorModel,
            ContentType = JsonContentType,
            Description = "This is a default error schema model",
            Schema = "{\n  \"$schema\" : \"http://json-schema.org/draft-04/schema#\",\n  \"title\" : \"Error Schema\",\n  \"type\" : \"object\",\n  \"properties\" : {\n    \"message\" : { \"type\" : \"string\" }\n  }\n}",
        },
    ];

    /// <summary>A gateway response type as AWS answers it before the API customises it.</summary>
    public static RestGatewayResponse GatewayResponse(GatewayResponseType type) => new()
    {
        ResponseType = type.Name,
        StatusCode = type.DefaultStatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ResponseParameters = [],
        ResponseTemplates = new() { [JsonContentType] = "{\"message\":$context.error.messageString}" },
        DefaultResponse = true,
    };

    /// <summary>A stage's method setting before anything is set on it (the account's default throttling).</summary>
    public static readonly RestMethodSetting MethodSetting = new()
    {
        MetricsEnabled = false,
        LoggingLevel = "OFF",
        DataTraceEnabled = false,
        ThrottlingBurstLimit = 5000,
        ThrottlingRateLimit = 10000.0,
        CachingEnabled = false,
        CacheTtlInSeconds = 300,
        CacheDataEncrypted = false,
        RequireAuthorizationForCacheControl = true,
        UnauthorizedCacheControlHeaderStrategy = "SUCCEED_WITH_RESPONSE_HEADER",
    };
}
