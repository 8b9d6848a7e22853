namespace OrleansGateway.HttpApis;

/// <summary>
/// The two <c>apiKeySelectionExpression</c> values AWS knows for WebSocket APIs: where the API key a
/// route requires comes from.
/// </summary>
public static class ApiKeySelectionExpressions
{
    /// <summary>The upgrade request's <c>x-api-key</c> header (the default).</summary>
    public const string Header = "$request.header.x-api-key";

    /// <summary>The <c>usageIdentifierKey</c> a Lambda authorizer returns.</summary>
    public const string Authorizer = "$context.authorizer.usageIdentifierKey";
}
