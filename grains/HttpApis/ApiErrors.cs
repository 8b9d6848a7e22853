using OrleansGateway.Errors;

namespace OrleansGateway.HttpApis;

/// <summary>AWS's apigatewayv2 error messages, in one place so every grain words them alike.</summary>
public static class ApiErrors
{
    /// <summary>Messages name resources as <c>{account}:{id}</c>, as AWS does; a self-hosted gateway has one account.</summary>
    public const string AccountId = "000000000000";

    public static ApiGatewayException ApiNotFound(string apiId) =>
        ApiGatewayException.NotFound($"Invalid API identifier specified {AccountId}:{apiId}");

    public static ApiGatewayException RouteNotFound(string apiId, string routeId) =>
        ApiGatewayException.NotFound($"Invalid Route identifier specified {AccountId}:{apiId}/{routeId}");

    public static ApiGatewayException IntegrationNotFound(string apiId, string integrationId) =>
        ApiGatewayException.NotFound($"Invalid Integration identifier specified {AccountId}:{apiId}/{integrationId}");

    public static ApiGatewayException StageNotFound(string apiId, string stageName) =>
        ApiGatewayException.NotFound($"Invalid stage identifier specified {AccountId}:{apiId}/{stageName}");

    public static ApiGatewayException DeploymentNotFound(string apiId, string deploymentId) =>
        ApiGatewayException.NotFound($"Invalid Deployment identifier specified {AccountId}:{apiId}/{deploymentId}");

    public static ApiGatewayException AuthorizerNotFound(string apiId, string authorizerId) =>
        ApiGatewayException.NotFound($"Invalid Authorizer identifier specified {AccountId}:{apiId}/{authorizerId}");

    public static ApiGatewayException RouteResponseNotFound(string apiId, string routeId, string routeResponseId) =>
        ApiGatewayException.NotFound($"Invalid RouteResponse identifier specified {AccountId}:{apiId}/{routeId}/{routeResponseId}");

    public static ApiGatewayException IntegrationResponseNotFound(string apiId, string integrationId, string integrationResponseId) =>
        ApiGatewayException.NotFound($"Invalid IntegrationResponse identifier specified {AccountId}:{apiId}/{integrationId}/{integrationResponseId}");

    public static ApiGatewayException Required(string member) =>
        ApiGatewayException.BadRequest($"Invalid request input: {member} is required");

    public static ApiGatewayException NoRoutes() =>
        ApiGatewayException.BadRequest("Unable to deploy API because no routes exist in this API");
}
