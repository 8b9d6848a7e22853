using OrleansGateway.Errors;

namespace OrleansGateway.ApiKeys;

/// <summary>AWS's words for API key errors.</summary>
public static class ApiKeyErrors
{
    /// <summary>AWS's shortest accepted key value.</summary>
    public const int MinValueLength = 20;

    public static ApiGatewayException NotFound() => ApiGatewayException.NotFound("Invalid API Key identifier specified");

    public static ApiGatewayException ValueTooShort() => ApiGatewayException.BadRequest($"API Key value should be at least {MinValueLength} characters");

    public static ApiGatewayException ValueTaken() => ApiGatewayException.Conflict("API Key already exists");
}
