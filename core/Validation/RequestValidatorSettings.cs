namespace OrleansGateway.Validation;

/// <summary>A REST API's request validator (apigateway <c>RequestValidator</c>).</summary>
public sealed record RequestValidatorSettings(bool ValidateRequestBody, bool ValidateRequestParameters);
