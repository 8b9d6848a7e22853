using OrleansGateway.HttpApis;

namespace OrleansGateway.RestApis;

/// <summary>Whole definitions in and out: import, clone, PutRestApi's overwrite and merge.</summary>
public sealed partial class RestApiGrain
{
    /// <summary>
    /// The state a whole definition describes. Resources are placed by their paths (their IDs in
    /// <paramref name="content"/> are not trusted: a parent missing from it is created, the root
    /// is the API's <c>rootResourceId</c>) and get fresh IDs; models, validators and authorizers
    /// keep the IDs they bring (methods refer to them) and get one where they bring none.
    /// </summary>
    private static RestApiState StateFrom(RestApiContent content, bool keepIds)
    {
        var next = new RestApiState { Api = content.Api };
        next.Resources[content.Api.RootResourceId] = new RestResource { Id = content.Api.RootResourceId, Path = "/" };
        foreach (var resource in content.Resources.OrderBy(r => r.Path, StringComparer.Ordinal))
        {
            MergeResource(next.Resources, resource, keepIds);
        }

        foreach (var model in content.Models)
        {
            next.Models[model.Name] = model with { Id = string.IsNullOrEmpty(model.Id) ? ResourceIds.Part() : model.Id };
        }

        foreach (var validator in content.RequestValidators)
        {
            var id = string.IsNullOrEmpty(validator.Id) ? ResourceIds.Part() : validator.Id;
            next.RequestValidators[id] = validator with { Id = id };
        }

        foreach (var response in content.GatewayResponses)
        {
            next.GatewayResponses[response.ResponseType] = response with { DefaultResponse = false };
        }

        foreach (var authorizer in content.Authorizers)
        {
            var id = string.IsNullOrEmpty(authorizer.Id) ? ResourceIds.Part() : authorizer.Id;
            next.Authorizers[id] = authorizer with { Id = id };
        }

        return next;
    }

    /// <summary>PutRestApi's merge: what the content brings is added, a method it brings replaces the one of the same verb.</summary>
    private RestApiState Merge(RestApiContent content)
    {
        var current = state.State;
        var next = new RestApiState
        {
            Api = content.Api,
            Resources = new(current.Resources, StringComparer.Ordinal),
            Models = new(current.Models, StringComparer.Ordinal),
            RequestValidators = new(current.RequestValidators, StringComparer.Ordinal),
            GatewayResponses = new(current.GatewayResponses, StringComparer.Ordinal),
            Authorizers = new(current.Authorizers, StringComparer.Ordinal),
        };
        var added = StateFrom(content with { Resources = [] }, keepIds: true);
        foreach (var resource in content.Resources.OrderBy(r => r.Path, StringComparer.Ordinal))
        {
            MergeResource(next.Resources, resource, keepIds: false);
        }

        foreach (var (name, model) in added.Models)
        {
            next.Models[name] = next.Models.TryGetValue(name, out var old) ? model with { Id = old.Id } : model;
        }

        foreach (var (id, validator) in added.RequestValidators)
        {
            next.RequestValidators[id] = validator;
        }

        foreach (var (type, response) in added.GatewayResponses)
        {
            next.GatewayResponses[type] = response;
        }

        foreach (var (id, authorizer) in added.Authorizers)
        {
            next.Authorizers[id] = authorizer;
        }

        return next;
    }

    /// <summary>Puts a resource at its path in <paramref name="resources"/>, creating missing parents; methods of the same verb are replaced.</summary>
    private static void MergeResource(Dictionary<string, RestResource> resources, RestResource resource, bool keepIds)
    {
        var byPath = resources.Values.ToDictionary(r => r.Path, StringComparer.Ordinal);
        var path = NormalizePath(resource.Path);
        if (!byPath.TryGetValue(path, out var target))
        {
            var parentPath = path.LastIndexOf('/') is 0 ? "/" : path[..path.LastIndexOf('/')];
            if (!byPath.ContainsKey(parentPath))
            {
                MergeResource(resources, new RestResource { Id = string.Empty, Path = parentPath }, keepIds);
                byPath = resources.Values.ToDictionary(r => r.Path, StringComparer.Ordinal);
            }

            var id = keepIds && !string.IsNullOrEmpty(resource.Id) && !resources.ContainsKey(resource.Id) ? resource.Id : ResourceIds.Unique(ResourceIds.Part, resources.ContainsKey);
            target = new RestResource { Id = id, ParentId = byPath[parentPath].Id, PathPart = path[(path.LastIndexOf('/') + 1)..], Path = path };
        }

        var methods = new Dictionary<string, RestMethod>(target.ResourceMethods ?? [], StringComparer.Ordinal);
        foreach (var (verb, method) in resource.ResourceMethods ?? [])
        {
            methods[verb] = method with
            {
                HttpMethod = verb,
                MethodIntegration = method.MethodIntegration is { } integration
                    ? integration with { CacheNamespace = integration.CacheNamespace ?? target.Id }
                    : null,
            };
        }

        resources[target.Id] = target with { ResourceMethods = methods.Count > 0 ? methods : null };
    }

    private static string NormalizePath(string path) => "/" + path.Trim('/');
}
