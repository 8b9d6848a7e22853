using OrleansGateway.Errors;
using OrleansGateway.HttpApis;

namespace OrleansGateway.RestApis;

/// <summary>AWS's apigateway (v1) error messages, in one place so every grain words them alike.</summary>
public static class RestApiErrors
{
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

    public static ApiGatewayException StageNotFound() => ApiGatewayException.NotFound("Invalid Stage identifier specified");

    /// <summary>An unknown <c>responseType</c>: AWS's request validation, before the operation runs.</summary>
    public static ApiGatewayException UnknownGatewayResponseType(string responseType, IEnumerable<string> types) =>
        new("ValidationException", 400, $"1 validation error detected: Value '{responseType}' at 'responseType' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", types)}]");
}
