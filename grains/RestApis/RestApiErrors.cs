using OrleansGateway.Errors;
using OrleansGateway.HttpApis;

namespace OrleansGateway.RestApis;

/// <summary>AWS's apigateway (v1) error messages, in one place so every grain words them alike.</summary>
public static class RestApiErrors
{
    /// <summary>The <c>GatewayResponseType</c> enum in the order AWS's request validation lists it.</summary>
    public static readonly IReadOnlyList<string> GatewayResponseTypes =
    [
        "REQUEST_TOO_LARGE", "RESOURCE_NOT_FOUND", "AUTHORIZER_CONFIGURATION_ERROR", "MISSING_AUTHENTICATION_TOKEN", "BAD_REQUEST_BODY",
        "INVALID_SIGNATURE", "INVALID_API_KEY", "BAD_REQUEST_PARAMETERS", "AUTHORIZER_FAILURE", "UNAUTHORIZED", "INTEGRATION_TIMEOUT",
        "ACCESS_DENIED", "DEFAULT_4XX", "DEFAULT_5XX", "WAF_FILTERED", "QUOTA_EXCEEDED", "THROTTLED", "API_CONFIGURATION_ERROR",
        "UNSUPPORTED_MEDIA_TYPE", "INTEGRATION_FAILURE", "EXPIRED_TOKEN",
    ];

    public static ApiGatewayException ApiNotFound(string restApiId) =>
        ApiGatewayException.NotFound($"Invalid API identifier specified {ApiErrors.AccountId}:{restApiId}");

    public static ApiGatewayException ResourceNotFound() => ApiGatewayException.NotFound("Invalid Resource identifier specified");

    public static ApiGatewayException MethodNotFound() => ApiGatewayException.NotFound("Invalid Method identifier specified");

    public static ApiGatewayException IntegrationNotFound() => ApiGatewayException.NotFound("Invalid Integration identifier specified");

    public static ApiGatewayException ResponseNotFound() => ApiGatewayException.NotFound("Invalid Response status code specified");

    public static ApiGatewayException ModelNotFound(string name) => ApiGatewayException.NotFound($"Invalid model name specified: {name}");

    public static ApiGatewayException ValidatorNotFound() => ApiGatewayException.NotFound("Invalid Request Validator identifier specified");

    public static ApiGatewayException AuthorizerNotFound() => ApiGatewayException.NotFound("Invalid Authorizer identifier specified");

    public static ApiGatewayException DeploymentNotFound() => ApiGatewayException.NotFound("Invalid Deployment identifier specified");

    // AWS writes "stage" in lower case here, unlike its other identifiers.
    public static ApiGatewayException StageNotFound() => ApiGatewayException.NotFound("Invalid stage identifier specified");

    /// <summary>CreateRequestValidator on a REST API that does not exist: a 400, unlike the 404 of every other call.</summary>
    public static ApiGatewayException ValidatorApiNotFound() => ApiGatewayException.BadRequest("Invalid REST API identifier specified");

    /// <summary>CreateAuthorizer on a REST API that does not exist: AWS answers with this conflict, not a 404.</summary>
    public static ApiGatewayException AuthorizerApiNotFound() =>
        ApiGatewayException.Conflict("Unable to complete operation due to concurrent modification. Please try again later.");

    /// <summary>An unknown <c>responseType</c>: AWS's request validation, before the operation runs.</summary>
    public static ApiGatewayException UnknownGatewayResponseType(string responseType, IEnumerable<string> types) =>
        new("ValidationException", 400, $"1 validation error detected: Value '{responseType}' at 'responseType' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", types)}]");

    /// <summary>A <c>cacheClusterSize</c> outside AWS's <c>CacheClusterSize</c> enum: AWS's request validation, before the operation runs.</summary>
    public static ApiGatewayException InvalidCacheClusterSize(string size, string member) =>
        new("ValidationException", 400, $"1 validation error detected: Value '{size}' at '{member}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", RestCacheSettings.Sizes)}]");
}
