namespace OrleansGateway.Mapping.Parameters;

/// <summary>Where a mapped parameter's value comes from.</summary>
public enum ParameterSourceKind
{
    Literal,
    StageVariable,
    Context,
    MethodRequestPath,
    MethodRequestQueryString,
    MethodRequestMultiValueQueryString,
    MethodRequestHeader,
    MethodRequestMultiValueHeader,
    MethodRequestBody,
    IntegrationResponseHeader,
    IntegrationResponseMultiValueHeader,
    IntegrationResponseBody,
}
