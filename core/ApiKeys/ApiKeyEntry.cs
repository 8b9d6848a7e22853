namespace OrleansGateway.ApiKeys;

/// <summary>One API key as an edge checks it: its ID, whether it is enabled, and its plan per API stage.</summary>
public sealed class ApiKeyEntry(string id, string value, bool enabled, Dictionary<(string ApiId, string Stage), ApiKeyPlanGrant> plans)
{
    public string Id { get; } = id;

    public string Value { get; } = value;

    public bool Enabled { get; } = enabled;

    /// <summary>The usage plan covering <paramref name="apiId"/>'s stage <paramref name="stage"/> for this key, or null.</summary>
    public ApiKeyPlanGrant? PlanFor(string apiId, string stage) => plans.GetValueOrDefault((apiId, stage));
}
