namespace OrleansGateway.OpenApi;

/// <summary>API Gateway's OpenAPI extensions by their names, shared by the HTTP and REST importers and exporters.</summary>
public static class OpenApiExtensions
{
    public const string AnyMethod = "x-amazon-apigateway-any-method";
    public const string Integration = "x-amazon-apigateway-integration";
    public const string Cors = "x-amazon-apigateway-cors";
    public const string Authorizer = "x-amazon-apigateway-authorizer";
    public const string AuthType = "x-amazon-apigateway-authtype";
    public const string ApiKeySource = "x-amazon-apigateway-api-key-source";
    public const string BinaryMediaTypes = "x-amazon-apigateway-binary-media-types";
    public const string MinimumCompressionSize = "x-amazon-apigateway-minimum-compression-size";
    public const string GatewayResponses = "x-amazon-apigateway-gateway-responses";
    public const string RequestValidators = "x-amazon-apigateway-request-validators";
    public const string RequestValidator = "x-amazon-apigateway-request-validator";
    public const string Documentation = "x-amazon-apigateway-documentation";
    public const string EndpointConfiguration = "x-amazon-apigateway-endpoint-configuration";
    public const string Policy = "x-amazon-apigateway-policy";
    public const string ImportExportVersion = "x-amazon-apigateway-importexport-version";
}
