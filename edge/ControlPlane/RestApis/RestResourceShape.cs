using OrleansGateway.RestApis;

namespace OrleansGateway.Edge.ControlPlane.RestApis;

/// <summary>
/// A resource as apigateway answers it: its methods named only (<c>{"GET": {}}</c>) unless the
/// request asked for them with <c>embed=methods</c>.
/// </summary>
public sealed record RestResourceShape(string Id, string? ParentId, string? PathPart, string Path, Dictionary<string, object>? ResourceMethods)
{
    public static RestResourceShape From(RestResource resource, bool embedMethods) => new(
        resource.Id,
        resource.ParentId,
        resource.PathPart,
        resource.Path,
        resource.ResourceMethods?.ToDictionary(m => m.Key, m => embedMethods ? (object)m.Value : new Dictionary<string, object>()));

    /// <summary>Whether the request's <c>embed</c> (repeatable, or comma-separated) names <c>methods</c>.</summary>
    public static bool EmbedsMethods(WireRequest request) =>
        request.Context.Request.Query["embed"].SelectMany(value => (value ?? string.Empty).Split(',')).Contains("methods");
}
