using OrleansGateway.Throttling;
using OrleansGateway.Validation;

namespace OrleansGateway.RestApis;

/// <summary>A deployed REST method, compiled for serving: where it sits, who may call it, how its request is checked and what it calls.</summary>
public sealed class RestMethodEntry
{
    public const string AnyMethod = "ANY";

    /// <summary>The <c>authorizationType</c> of methods anyone may call.</summary>
    public const string NoAuthorization = "NONE";

    public required string ResourceId { get; init; }

    /// <summary>The resource's template path, <c>/pets/{petId}</c>.</summary>
    public required string ResourcePath { get; init; }

    /// <summary>The method as declared (<c>ANY</c> included).</summary>
    public required string HttpMethod { get; init; }

    /// <summary>The name of the resource's <c>{name+}</c> parameter, or null.</summary>
    public string? GreedyParameterName { get; init; }

    public string AuthorizationType { get; init; } = NoAuthorization;

    public bool ApiKeyRequired { get; init; }

    /// <summary>The method's request validator; null when it has none.</summary>
    public RequestValidatorSettings? Validator { get; init; }

    public MethodRequestRules Rules { get; init; } = new();

    /// <summary>The stage's limit for this method (its own method setting, else <c>*/*</c>); null when neither sets one.</summary>
    public ScopedThrottle? Throttle { get; init; }

    /// <summary>Null when the method has no integration (AWS answers such a call 500).</summary>
    public RestCompiledIntegration? Integration { get; init; }

    /// <summary>How the stage's response cache serves this method; null: not cached.</summary>
    public RestMethodCaching? Caching { get; init; }
}
