using System.Text.RegularExpressions;
using OrleansGateway.Errors;
using OrleansGateway.HttpApis;
using OrleansGateway.Patching;
using OrleansGateway.Storage;

namespace OrleansGateway.RestApis;

/// <summary>The resource tree: resources, and on them methods, method responses, integrations and integration responses.</summary>
public sealed partial class RestApiGrain
{
    private static readonly string[] HttpMethods = ["GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "HEAD", "ANY"];
    private static readonly string[] AuthorizationTypes = ["NONE", "AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS"];
    private static readonly string[] IntegrationTypes = ["HTTP", "MOCK", "AWS_PROXY", "HTTP_PROXY", "AWS"];

    private static readonly PatchRule[] ResourceRules = [new("/parentId", "replace"), new("/pathPart", "replace")];

    private static readonly PatchRule[] MethodRules =
    [
        new("/authorizationType", "replace"), new("/authorizerId", "replace"), new("/apiKeyRequired", "replace"),
        new("/operationName", "replace"), new("/requestValidatorId", "replace"),
        new("/requestParameters/*", "add", "replace", "remove"), new("/requestModels/*", "add", "replace", "remove"),
    ];

    private static readonly PatchRule[] MethodResponseRules =
    [
        new("/responseParameters/*", "add", "replace", "remove"), new("/responseModels/*", "add", "replace", "remove"),
    ];

    private static readonly PatchRule[] IntegrationRules =
    [
        new("/uri", "replace"), new("/httpMethod", "replace"), new("/passthroughBehavior", "replace"), new("/timeoutInMillis", "replace"),
        new("/contentHandling", "replace"), new("/connectionType", "replace"), new("/connectionId", "replace"), new("/credentials", "replace"),
        new("/cacheNamespace", "replace"), new("/tlsConfig/insecureSkipVerification", "replace"),
        new("/requestParameters/*", "add", "replace", "remove"), new("/requestTemplates/*", "add", "replace", "remove"),
    ];

    private static readonly PatchRule[] IntegrationResponseRules =
    [
        new("/selectionPattern", "replace"), new("/contentHandling", "replace"),
        new("/responseParameters/*", "add", "replace", "remove"), new("/responseTemplates/*", "add", "replace", "remove"),
    ];

    public Task<List<RestResource>> GetResources()
    {
        EnsureExists();
        return Task.FromResult(state.State.Resources.Values.OrderBy(r => r.Path, StringComparer.Ordinal).ToList());
    }

    public Task<RestResource> GetResource(string resourceId) => Task.FromResult(Resource(resourceId));

    public async Task<RestResource> CreateResource(string parentId, string? pathPart)
    {
        var parent = Resource(parentId);
        CheckPlacement(parent, pathPart, exceptId: null);
        var id = ResourceIds.Unique(ResourceIds.Part, state.State.Resources.ContainsKey);
        var resource = new RestResource { Id = id, ParentId = parent.Id, PathPart = pathPart, Path = ChildPath(parent.Path, pathPart!) };
        state.State.Resources[id] = resource;
        await state.WriteStateOrReloadAsync(this);
        return resource;
    }

    public async Task<RestResource> UpdateResource(string resourceId, List<PatchOperation> operations)
    {
        var resource = Resource(resourceId);
        if (resource.ParentId is null)
        {
            throw ApiGatewayException.BadRequest("Cannot update the root resource");
        }

        var updated = JsonPatcher.Apply(resource, operations, ResourceRules);
        if (updated.ParentId is not { } parentId || !state.State.Resources.TryGetValue(parentId, out var parent))
        {
            throw RestApiErrors.ResourceNotFound();
        }

        if (Subtree(resourceId).Contains(parentId))
        {
            throw ApiGatewayException.BadRequest("Resources cannot be cyclical.");
        }

        CheckPlacement(parent, updated.PathPart, exceptId: resourceId);
        var moved = new Dictionary<string, RestResource>(state.State.Resources, StringComparer.Ordinal)
        {
            [resourceId] = updated with { Path = ChildPath(parent.Path, updated.PathPart!) },
        };
        RepathChildren(moved, resourceId);
        state.State.Resources = moved;
        await state.WriteStateOrReloadAsync(this);
        return moved[resourceId];
    }

    public async Task DeleteResource(string resourceId)
    {
        var resource = Resource(resourceId);
        if (resource.ParentId is null)
        {
            throw ApiGatewayException.BadRequest("Cannot delete the root resource");
        }

        foreach (var id in Subtree(resourceId))
        {
            state.State.Resources.Remove(id);
        }

        await state.WriteStateOrReloadAsync(this);
    }

    public async Task<RestMethod> PutMethod(string resourceId, string httpMethod, RestMethodInput input)
    {
        var resource = Resource(resourceId);
        CheckHttpMethod(httpMethod);
        if (resource.ResourceMethods?.ContainsKey(httpMethod) == true)
        {
            throw ApiGatewayException.Conflict("Method already exists for this resource");
        }

        var method = CheckMethod(new RestMethod
        {
            HttpMethod = httpMethod,
            AuthorizationType = input.AuthorizationType,
            AuthorizerId = input.AuthorizerId,
            ApiKeyRequired = input.ApiKeyRequired ?? false,
            OperationName = input.OperationName,
            RequestParameters = input.RequestParameters,
            RequestModels = input.RequestModels,
            RequestValidatorId = input.RequestValidatorId,
            AuthorizationScopes = input.AuthorizationScopes,
        });
        await SaveMethod(resource, method);
        return method;
    }

    public Task<RestMethod> GetMethod(string resourceId, string httpMethod) => Task.FromResult(Method(Resource(resourceId), httpMethod));

    public async Task<RestMethod> UpdateMethod(string resourceId, string httpMethod, List<PatchOperation> operations)
    {
        var resource = Resource(resourceId);
        var method = Method(resource, httpMethod);
        var scopes = new List<string>(method.AuthorizationScopes ?? []);
        var others = new List<PatchOperation>();
        foreach (var operation in operations)
        {
            if (operation.Path == "/authorizationScopes" && operation.Op is "add" or "remove" && operation.Value is { } scope)
            {
                _ = operation.Op == "add" ? AddDistinct(scopes, scope) : scopes.Remove(scope);
            }
            else
            {
                // A request parameter added without a value is optional, as AWS takes it.
                others.Add(operation.Path?.StartsWith("/requestParameters/", StringComparison.Ordinal) == true && operation.Op != "remove"
                    ? operation with { Value = operation.Value ?? "false" }
                    : operation);
            }
        }

        var updated = JsonPatcher.Apply(method, others, MethodRules, PatchErrorWording.BarePathThenOps) with
        {
            HttpMethod = method.HttpMethod,
            AuthorizationScopes = scopes.Count > 0 ? scopes : null,
        };
        if (updated.AuthorizationType is not ("CUSTOM" or "COGNITO_USER_POOLS"))
        {
            updated = updated with { AuthorizerId = null };
        }

        updated = CheckMethod(updated with
        {
            RequestParameters = updated.RequestParameters is { Count: > 0 } ? updated.RequestParameters : null,
            RequestModels = updated.RequestModels is { Count: > 0 } ? updated.RequestModels : null,
            RequestValidatorId = string.IsNullOrEmpty(updated.RequestValidatorId) ? null : updated.RequestValidatorId,
        });
        await SaveMethod(resource, updated);
        return updated;
    }

    public async Task DeleteMethod(string resourceId, string httpMethod)
    {
        var resource = Resource(resourceId);
        _ = Method(resource, httpMethod);
        var methods = new Dictionary<string, RestMethod>(resource.ResourceMethods!, StringComparer.Ordinal);
        methods.Remove(httpMethod);
        state.State.Resources[resourceId] = resource with { ResourceMethods = methods.Count > 0 ? methods : null };
        await state.WriteStateOrReloadAsync(this);
    }

    public async Task<RestMethodResponse> PutMethodResponse(string resourceId, string httpMethod, string statusCode, RestMethodResponseInput input)
    {
        var resource = Resource(resourceId);
        var method = Method(resource, httpMethod);
        CheckStatusCode(statusCode);
        CheckModels(input.ResponseModels);
        var response = new RestMethodResponse { StatusCode = statusCode, ResponseParameters = input.ResponseParameters, ResponseModels = input.ResponseModels };
        await SaveMethod(resource, method with { MethodResponses = With(method.MethodResponses, statusCode, response) });
        return response;
    }

    public Task<RestMethodResponse> GetMethodResponse(string resourceId, string httpMethod, string statusCode) =>
        Task.FromResult(MethodResponse(Method(Resource(resourceId), httpMethod), statusCode));

    public async Task<RestMethodResponse> UpdateMethodResponse(string resourceId, string httpMethod, string statusCode, List<PatchOperation> operations)
    {
        var resource = Resource(resourceId);
        var method = Method(resource, httpMethod);
        var response = MethodResponse(method, statusCode);
        var updated = JsonPatcher.Apply(response, operations.Select(o => o.Path?.StartsWith("/responseParameters/", StringComparison.Ordinal) == true && o.Op != "remove" ? o with { Value = o.Value ?? "false" } : o), MethodResponseRules);
        updated = updated with
        {
            StatusCode = statusCode,
            ResponseParameters = updated.ResponseParameters is { Count: > 0 } ? updated.ResponseParameters : null,
            ResponseModels = updated.ResponseModels is { Count: > 0 } ? updated.ResponseModels : null,
        };
        CheckModels(updated.ResponseModels);
        await SaveMethod(resource, method with { MethodResponses = With(method.MethodResponses, statusCode, updated) });
        return updated;
    }

    public async Task DeleteMethodResponse(string resourceId, string httpMethod, string statusCode)
    {
        var resource = Resource(resourceId);
        var method = Method(resource, httpMethod);
        _ = MethodResponse(method, statusCode);
        await SaveMethod(resource, method with { MethodResponses = Without(method.MethodResponses, statusCode) });
    }

    public async Task<RestIntegration> PutIntegration(string resourceId, string httpMethod, RestIntegrationInput input)
    {
        var resource = Resource(resourceId);
        var method = Method(resource, httpMethod);
        var isHttp = input.Type is "HTTP" or "HTTP_PROXY";
        var integration = CheckIntegration(new RestIntegration
        {
            Type = input.Type ?? string.Empty,
            HttpMethod = input.HttpMethod,
            Uri = input.Type == "MOCK" ? null : input.Uri,
            ConnectionType = input.ConnectionType ?? (isHttp ? "INTERNET" : null),
            ConnectionId = input.ConnectionId,
            Credentials = input.Credentials,
            RequestParameters = input.RequestParameters,
            RequestTemplates = input.RequestTemplates,
            PassthroughBehavior = input.PassthroughBehavior ?? RestDefaults.PassthroughWhenNoMatch,
            ContentHandling = input.ContentHandling,
            TimeoutInMillis = input.TimeoutInMillis ?? RestDefaults.TimeoutInMillis,
            CacheNamespace = input.CacheNamespace ?? resourceId,
            CacheKeyParameters = input.CacheKeyParameters ?? [],
            TlsConfig = input.TlsConfig,
        });
        await SaveMethod(resource, method with { MethodIntegration = integration });
        return integration;
    }

    public Task<RestIntegration> GetIntegration(string resourceId, string httpMethod) =>
        Task.FromResult(Integration(Method(Resource(resourceId), httpMethod)));

    public async Task<RestIntegration> UpdateIntegration(string resourceId, string httpMethod, List<PatchOperation> operations)
    {
        var resource = Resource(resourceId);
        var method = Method(resource, httpMethod);
        var integration = Integration(method);
        var updated = CheckIntegration(JsonPatcher.Apply(integration, operations, IntegrationRules) with { Type = integration.Type });
        await SaveMethod(resource, method with { MethodIntegration = updated });
        return updated;
    }

    public async Task DeleteIntegration(string resourceId, string httpMethod)
    {
        var resource = Resource(resourceId);
        var method = Method(resource, httpMethod);
        _ = Integration(method);
        await SaveMethod(resource, method with { MethodIntegration = null });
    }

    public async Task<RestIntegrationResponse> PutIntegrationResponse(string resourceId, string httpMethod, string statusCode, RestIntegrationResponseInput input)
    {
        var resource = Resource(resourceId);
        var method = Method(resource, httpMethod);
        var integration = Integration(method);
        CheckStatusCode(statusCode);
        var response = new RestIntegrationResponse
        {
            StatusCode = statusCode,
            SelectionPattern = input.SelectionPattern,
            ResponseParameters = input.ResponseParameters,
            ResponseTemplates = input.ResponseTemplates,
            ContentHandling = input.ContentHandling,
        };
        await SaveMethod(resource, method with { MethodIntegration = integration with { IntegrationResponses = With(integration.IntegrationResponses, statusCode, response) } });
        return response;
    }

    public Task<RestIntegrationResponse> GetIntegrationResponse(string resourceId, string httpMethod, string statusCode) =>
        Task.FromResult(IntegrationResponse(Integration(Method(Resource(resourceId), httpMethod)), statusCode));

    public async Task<RestIntegrationResponse> UpdateIntegrationResponse(string resourceId, string httpMethod, string statusCode, List<PatchOperation> operations)
    {
        var resource = Resource(resourceId);
        var method = Method(resource, httpMethod);
        var integration = Integration(method);
        var updated = JsonPatcher.Apply(IntegrationResponse(integration, statusCode), operations, IntegrationResponseRules) with { StatusCode = statusCode };
        await SaveMethod(resource, method with { MethodIntegration = integration with { IntegrationResponses = With(integration.IntegrationResponses, statusCode, updated) } });
        return updated;
    }

    public async Task DeleteIntegrationResponse(string resourceId, string httpMethod, string statusCode)
    {
        var resource = Resource(resourceId);
        var method = Method(resource, httpMethod);
        var integration = Integration(method);
        _ = IntegrationResponse(integration, statusCode);
        await SaveMethod(resource, method with { MethodIntegration = integration with { IntegrationResponses = Without(integration.IntegrationResponses, statusCode) } });
    }

    // AWS looks a resource up by the API and its ID at once: an unknown API is an unknown resource.
    private RestResource Resource(string resourceId) =>
        (state.State.Api is null ? null : state.State.Resources.GetValueOrDefault(resourceId)) ?? throw RestApiErrors.ResourceNotFound();

    private static RestMethod Method(RestResource resource, string httpMethod) =>
        resource.ResourceMethods?.GetValueOrDefault(httpMethod) ?? throw RestApiErrors.MethodNotFound();

    private static RestMethodResponse MethodResponse(RestMethod method, string statusCode) =>
        method.MethodResponses?.GetValueOrDefault(statusCode) ?? throw RestApiErrors.ResponseNotFound();

    private static RestIntegration Integration(RestMethod method) => method.MethodIntegration ?? throw RestApiErrors.IntegrationNotFound();

    private static RestIntegrationResponse IntegrationResponse(RestIntegration integration, string statusCode) =>
        integration.IntegrationResponses?.GetValueOrDefault(statusCode) ?? throw RestApiErrors.ResponseNotFound();

    private async Task SaveMethod(RestResource resource, RestMethod method)
    {
        state.State.Resources[resource.Id] = resource with { ResourceMethods = With(resource.ResourceMethods, method.HttpMethod, method) };
        await state.WriteStateOrReloadAsync(this);
    }

    private static Dictionary<string, T> With<T>(Dictionary<string, T>? map, string key, T value) =>
        new(map ?? [], StringComparer.Ordinal) { [key] = value };

    private static Dictionary<string, T>? Without<T>(Dictionary<string, T>? map, string key)
    {
        var copy = new Dictionary<string, T>(map ?? [], StringComparer.Ordinal);
        copy.Remove(key);
        return copy.Count > 0 ? copy : null;
    }

    private static bool AddDistinct(List<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }

        return true;
    }

    private static string ChildPath(string parentPath, string pathPart) => parentPath == "/" ? "/" + pathPart : parentPath + "/" + pathPart;

    /// <summary>The resource and every resource under it.</summary>
    private HashSet<string> Subtree(string resourceId)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal) { resourceId };
        bool grew;
        do
        {
            grew = false;
            foreach (var resource in state.State.Resources.Values)
            {
                if (resource.ParentId is { } parent && ids.Contains(parent) && ids.Add(resource.Id))
                {
                    grew = true;
                }
            }
        }
        while (grew);
        return ids;
    }

    private static void RepathChildren(Dictionary<string, RestResource> resources, string parentId)
    {
        foreach (var child in resources.Values.Where(r => r.ParentId == parentId).ToList())
        {
            resources[child.Id] = child with { Path = ChildPath(resources[parentId].Path, child.PathPart!) };
            RepathChildren(resources, child.Id);
        }
    }

    /// <summary>AWS's rules for a path part under a parent: its characters, one variable per level, nothing under a greedy one, unique names.</summary>
    private void CheckPlacement(RestResource parent, string? pathPart, string? exceptId)
    {
        if (pathPart is null || !PathPartPattern().IsMatch(pathPart))
        {
            throw ApiGatewayException.BadRequest("Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.");
        }

        if (parent.PathPart is ['{', .., '+', '}'])
        {
            throw ApiGatewayException.BadRequest($"Cannot create a child of a resource with a greedy path variable: {parent.PathPart}");
        }

        foreach (var sibling in state.State.Resources.Values.Where(r => r.ParentId == parent.Id && r.Id != exceptId))
        {
            if (sibling.PathPart == pathPart)
            {
                throw ApiGatewayException.Conflict($"Another resource with the same parent already has this name: {pathPart}");
            }

            if (pathPart.StartsWith('{') && sibling.PathPart?.StartsWith('{') == true)
            {
                throw ApiGatewayException.BadRequest($"A sibling ({sibling.PathPart}) of this resource already has a variable path part -- only one is allowed");
            }
        }
    }

    private static void CheckHttpMethod(string httpMethod)
    {
        if (!HttpMethods.Contains(httpMethod))
        {
            throw ApiGatewayException.BadRequest("Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY");
        }
    }

    private static void CheckStatusCode(string statusCode)
    {
        if (!StatusCodePattern().IsMatch(statusCode))
        {
            throw ApiGatewayException.BadRequest("Invalid status code specified");
        }
    }

    private RestMethod CheckMethod(RestMethod method)
    {
        if (!AuthorizationTypes.Contains(method.AuthorizationType))
        {
            throw ApiGatewayException.BadRequest("Invalid authorization type specified");
        }

        if (method.AuthorizationType is "CUSTOM" or "COGNITO_USER_POOLS"
            && (method.AuthorizerId is null || !state.State.Authorizers.ContainsKey(method.AuthorizerId)))
        {
            throw ApiGatewayException.BadRequest("Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.");
        }

        if (method.RequestValidatorId is { } validatorId && !state.State.RequestValidators.ContainsKey(validatorId))
        {
            throw ApiGatewayException.BadRequest("Invalid Request Validator identifier specified");
        }

        CheckModels(method.RequestModels);
        if (method.RequestParameters is { } parameters
            && parameters.Keys.Select(name => name[(name.LastIndexOf('.') + 1)..]).Distinct(StringComparer.Ordinal).Count() != parameters.Count)
        {
            throw ApiGatewayException.BadRequest("Parameter names must be unique across querystring, header and path");
        }

        return method with { AuthorizerId = method.AuthorizationType is "CUSTOM" or "COGNITO_USER_POOLS" ? method.AuthorizerId : null };
    }

    private void CheckModels(Dictionary<string, string>? models)
    {
        foreach (var name in models?.Values ?? Enumerable.Empty<string>())
        {
            if (!state.State.Models.ContainsKey(name))
            {
                throw ApiGatewayException.BadRequest($"Invalid model identifier specified: {name}");
            }
        }
    }

    private static RestIntegration CheckIntegration(RestIntegration integration)
    {
        if (!IntegrationTypes.Contains(integration.Type))
        {
            throw new ApiGatewayException("ValidationException", 400, $"1 validation error detected: Value '{integration.Type}' at 'putIntegrationInput.type' failed to satisfy constraint: Member must satisfy enum value set: [HTTP, MOCK, AWS_PROXY, HTTP_PROXY, AWS]");
        }

        // The control plane takes only what the data plane serves: there is no VPC behind this gateway.
        if (integration.ConnectionType == "VPC_LINK")
        {
            throw ApiGatewayException.BadRequest("Integrations with connectionType VPC_LINK are not supported by this gateway (it has no VPC to reach); use connectionType INTERNET");
        }

        if (integration.Type != "MOCK" && string.IsNullOrEmpty(integration.HttpMethod))
        {
            throw ApiGatewayException.BadRequest("Enumeration value for HttpMethod must be non-empty");
        }

        // Stage variables may stand anywhere in the URI, the host included.
        if (integration.Type is "HTTP" or "HTTP_PROXY"
            && (!Uri.TryCreate(StageVariableReference().Replace(integration.Uri ?? string.Empty, "x"), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            throw ApiGatewayException.BadRequest("Invalid HTTP endpoint specified for URI");
        }

        if (integration.Type is "AWS" or "AWS_PROXY")
        {
            var parts = (integration.Uri ?? string.Empty).Split(':', 6);
            if (parts is not ["arn", _, "apigateway", _, _, _])
            {
                throw ApiGatewayException.BadRequest("Invalid ARN specified in the request");
            }

            if (!parts[5].StartsWith("path/", StringComparison.Ordinal) && !parts[5].StartsWith("action/", StringComparison.Ordinal))
            {
                throw ApiGatewayException.BadRequest("AWS ARN for integration must contain path or action");
            }

            if (integration.Type == "AWS_PROXY" && parts[4] is not ("lambda" or "firehose"))
            {
                throw ApiGatewayException.BadRequest("Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.");
            }
        }

        if (integration.TimeoutInMillis is < RestDefaults.MinTimeoutInMillis or > RestDefaults.TimeoutInMillis)
        {
            throw ApiGatewayException.BadRequest($"Timeout should be between {RestDefaults.MinTimeoutInMillis} ms and {RestDefaults.TimeoutInMillis} ms");
        }

        if (integration.PassthroughBehavior is not ("WHEN_NO_MATCH" or "WHEN_NO_TEMPLATES" or "NEVER"))
        {
            throw ApiGatewayException.BadRequest("Invalid passthrough behavior specified. Valid options are WHEN_NO_MATCH, WHEN_NO_TEMPLATES, NEVER");
        }

        return integration;
    }

    [GeneratedRegex(@"^(\{[a-zA-Z0-9._-]+\+?\}|[a-zA-Z0-9._:-]+)$")]
    private static partial Regex PathPartPattern();

    [GeneratedRegex(@"\$\{stageVariables\.[^}]*\}")]
    private static partial Regex StageVariableReference();

    [GeneratedRegex(@"^[1-5]\d\d$")]
    private static partial Regex StatusCodePattern();
}
