namespace OrleansGateway.Mapping.GatewayResponses;

/// <summary>
/// One of API Gateway's gateway response types, with its default status code (none for the two
/// defaults, which take the error's own) and the <c>x-amzn-ErrorType</c> AWS sends with it.
/// </summary>
public sealed class GatewayResponseType
{
    private static readonly Dictionary<string, GatewayResponseType> ByName = new(StringComparer.Ordinal);

    public static readonly GatewayResponseType Default4xx = new("DEFAULT_4XX", null, "BadRequestException");
    public static readonly GatewayResponseType Default5xx = new("DEFAULT_5XX", null, "InternalServerErrorException");
    public static readonly GatewayResponseType AccessDenied = new("ACCESS_DENIED", 403, "AccessDeniedException");
    public static readonly GatewayResponseType ApiConfigurationError = new("API_CONFIGURATION_ERROR", 500, "InternalServerErrorException");
    public static readonly GatewayResponseType AuthorizerConfigurationError = new("AUTHORIZER_CONFIGURATION_ERROR", 500, "AuthorizerConfigurationException");
    public static readonly GatewayResponseType AuthorizerFailure = new("AUTHORIZER_FAILURE", 500, "AuthorizerFailureException");
    public static readonly GatewayResponseType BadRequestParameters = new("BAD_REQUEST_PARAMETERS", 400, "BadRequestException");
    public static readonly GatewayResponseType BadRequestBody = new("BAD_REQUEST_BODY", 400, "BadRequestException");
    public static readonly GatewayResponseType ExpiredToken = new("EXPIRED_TOKEN", 403, "ExpiredTokenException");
    public static readonly GatewayResponseType IntegrationFailure = new("INTEGRATION_FAILURE", 504, "IntegrationFailureException");
    public static readonly GatewayResponseType IntegrationTimeout = new("INTEGRATION_TIMEOUT", 504, "InternalServerErrorException");
    public static readonly GatewayResponseType InvalidApiKey = new("INVALID_API_KEY", 403, "ForbiddenException");
    public static readonly GatewayResponseType InvalidSignature = new("INVALID_SIGNATURE", 403, "InvalidSignatureException");
    public static readonly GatewayResponseType MissingAuthenticationToken = new("MISSING_AUTHENTICATION_TOKEN", 403, "MissingAuthenticationTokenException");
    public static readonly GatewayResponseType QuotaExceeded = new("QUOTA_EXCEEDED", 429, "LimitExceededException");
    public static readonly GatewayResponseType RequestTooLarge = new("REQUEST_TOO_LARGE", 413, "RequestTooLargeException");
    public static readonly GatewayResponseType ResourceNotFound = new("RESOURCE_NOT_FOUND", 404, "ResourceNotFoundException");
    public static readonly GatewayResponseType Throttled = new("THROTTLED", 429, "TooManyRequestsException");
    public static readonly GatewayResponseType Unauthorized = new("UNAUTHORIZED", 401, "UnauthorizedException");
    public static readonly GatewayResponseType UnsupportedMediaType = new("UNSUPPORTED_MEDIA_TYPE", 415, "BadRequestException");
    public static readonly GatewayResponseType WafFiltered = new("WAF_FILTERED", 403, "WafFilteredException");

    private GatewayResponseType(string name, int? defaultStatusCode, string errorType)
    {
        Name = name;
        DefaultStatusCode = defaultStatusCode;
        ErrorType = errorType;
        ByName[name] = this;
    }

    /// <summary>The wire name (<c>BAD_REQUEST_BODY</c>).</summary>
    public string Name { get; }

    public int? DefaultStatusCode { get; }

    public string ErrorType { get; }

    /// <summary>Every type, as the <c>GatewayResponseType</c> enum of the apigateway model lists them.</summary>
    public static IReadOnlyCollection<GatewayResponseType> All => ByName.Values;

    public static GatewayResponseType? FromName(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The default type a specific one falls back to when it is not customized.</summary>
    public GatewayResponseType Family(int statusCode) =>
        this == Default4xx || this == Default5xx ? this : statusCode >= 500 ? Default5xx : Default4xx;

    public override string ToString() => Name;
}
