namespace OrleansGateway.Mapping.Templates;

/// <summary>
/// What integration response selection looks at: the backend's status code (HTTP, MOCK, AWS
/// service integrations) or, for Lambda non-proxy integrations, the function's error message
/// (null when the invocation succeeded).
/// </summary>
public readonly record struct IntegrationOutcome(bool IsLambda, int StatusCode, string? LambdaErrorMessage)
{
    public static IntegrationOutcome Status(int statusCode) => new(false, statusCode, null);

    public static IntegrationOutcome Lambda(string? errorMessage) => new(true, 200, errorMessage);
}
