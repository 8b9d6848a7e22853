namespace OrleansGateway.Validation;

/// <summary>What a REST method declares about its requests (apigateway <c>Method</c>).</summary>
public sealed record MethodRequestRules
{
    /// <summary><c>method.request.{querystring|header|path}.{name}</c> to whether it is required.</summary>
    public IReadOnlyDictionary<string, bool> RequestParameters { get; init; } = new Dictionary<string, bool>();

    /// <summary>Content type (or <c>$default</c>) to model name.</summary>
    public IReadOnlyDictionary<string, string> RequestModels { get; init; } = new Dictionary<string, string>();
}
