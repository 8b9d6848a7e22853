using OrleansGateway.Errors;
using OrleansGateway.HttpApis;
using OrleansGateway.Mapping.GatewayResponses;
using OrleansGateway.Patching;
using OrleansGateway.Storage;

namespace OrleansGateway.RestApis;

/// <summary>Models, request validators, gateway responses and authorizers.</summary>
public sealed partial class RestApiGrain
{
    private static readonly PatchRule[] ModelRules = [new("/description", "replace"), new("/schema", "replace")];

    private static readonly PatchRule[] ValidatorRules =
        [new("/name", "replace"), new("/validateRequestParameters", "replace"), new("/validateRequestBody", "replace")];

    private static readonly PatchRule[] GatewayResponseRules =
        [new("/statusCode", "replace"), new("/responseParameters/*", "add", "replace", "remove"), new("/responseTemplates/*", "add", "replace", "remove")];

    private static readonly PatchRule[] AuthorizerRules =
    [
        new("/name", "replace"), new("/type", "replace"), new("/authType", "replace"), new("/authorizerUri", "replace"),
        new("/authorizerCredentials", "replace"), new("/identitySource", "replace"), new("/identityValidationExpression", "replace"),
        new("/authorizerResultTtlInSeconds", "replace"),
    ];

    public async Task<RestModel> CreateModel(RestModelInput input)
    {
        EnsureExists();
        if (string.IsNullOrEmpty(input.Name))
        {
            throw ApiGatewayException.BadRequest("Model name must be non-empty");
        }

        if (!input.Name.All(char.IsAsciiLetterOrDigit))
        {
            throw ApiGatewayException.BadRequest("Model name must be alphanumeric");
        }

        if (state.State.Models.ContainsKey(input.Name))
        {
            throw ApiGatewayException.Conflict("Model name already exists for this REST API");
        }

        if (string.IsNullOrEmpty(input.Schema))
        {
            throw ApiGatewayException.BadRequest("Model schema must have at least 1 property or array items defined");
        }

        var model = new RestModel
        {
            Id = ResourceIds.Unique(ResourceIds.Part, id => state.State.Models.Values.Any(m => m.Id == id)),
            Name = input.Name,
            Description = input.Description,
            Schema = input.Schema,
            ContentType = input.ContentType ?? RestDefaults.JsonContentType,
        };
        state.State.Models[model.Name] = model;
        await state.WriteStateOrReloadAsync(this);
        return model;
    }

    public Task<List<RestModel>> GetModels()
    {
        EnsureExists();
        return Task.FromResult(state.State.Models.Values.OrderBy(m => m.Name, StringComparer.Ordinal).ToList());
    }

    public Task<RestModel> GetModel(string modelName) => Task.FromResult(Model(modelName));

    public async Task<RestModel> UpdateModel(string modelName, List<PatchOperation> operations)
    {
        var model = Model(modelName);
        var updated = JsonPatcher.Apply(model, operations, ModelRules) with { Name = model.Name, Id = model.Id };
        if (string.IsNullOrEmpty(updated.Schema))
        {
            throw ApiGatewayException.BadRequest("Model schema must have at least 1 property or array items defined");
        }

        state.State.Models[modelName] = updated;
        await state.WriteStateOrReloadAsync(this);
        return updated;
    }

    public async Task DeleteModel(string modelName)
    {
        _ = Model(modelName);
        foreach (var resource in state.State.Resources.Values)
        {
            foreach (var method in resource.ResourceMethods?.Values ?? Enumerable.Empty<RestMethod>())
            {
                if (method.RequestModels?.ContainsValue(modelName) == true)
                {
                    throw ApiGatewayException.Conflict($"Cannot delete model '{modelName}', is referenced in method request: {resource.Path}/{method.HttpMethod}");
                }
            }
        }

        state.State.Models.Remove(modelName);
        await state.WriteStateOrReloadAsync(this);
    }

    public async Task<RestRequestValidator> CreateRequestValidator(RestRequestValidatorInput input)
    {
        EnsureExists(RestApiErrors.ValidatorApiNotFound);
        if (string.IsNullOrEmpty(input.Name))
        {
            throw ApiGatewayException.BadRequest("Request Validator name cannot be blank");
        }

        var validator = new RestRequestValidator
        {
            Id = ResourceIds.Unique(ResourceIds.Part, state.State.RequestValidators.ContainsKey),
            Name = input.Name,
            ValidateRequestBody = input.ValidateRequestBody ?? false,
            ValidateRequestParameters = input.ValidateRequestParameters ?? false,
        };
        state.State.RequestValidators[validator.Id] = validator;
        await state.WriteStateOrReloadAsync(this);
        return validator;
    }

    public Task<List<RestRequestValidator>> GetRequestValidators()
    {
        EnsureExists();
        return Task.FromResult(state.State.RequestValidators.Values.ToList());
    }

    public Task<RestRequestValidator> GetRequestValidator(string validatorId) => Task.FromResult(Validator(validatorId));

    public async Task<RestRequestValidator> UpdateRequestValidator(string validatorId, List<PatchOperation> operations)
    {
        var validator = Validator(validatorId);
        var updated = JsonPatcher.Apply(validator, operations, ValidatorRules) with { Id = validatorId };
        if (string.IsNullOrEmpty(updated.Name))
        {
            throw ApiGatewayException.BadRequest("Request Validator name cannot be blank");
        }

        state.State.RequestValidators[validatorId] = updated;
        await state.WriteStateOrReloadAsync(this);
        return updated;
    }

    public async Task DeleteRequestValidator(string validatorId)
    {
        _ = Validator(validatorId);
        state.State.RequestValidators.Remove(validatorId);
        await state.WriteStateOrReloadAsync(this);
    }

    public Task<List<RestGatewayResponse>> GetGatewayResponses()
    {
        EnsureExists();
        // AWS lists them by type name.
        return Task.FromResult(GatewayResponseType.All.Select(type => GatewayResponseOf(type.Name)).OrderBy(r => r.ResponseType, StringComparer.Ordinal).ToList());
    }

    public Task<RestGatewayResponse> GetGatewayResponse(string responseType)
    {
        EnsureExists();
        CheckResponseType(responseType);
        return Task.FromResult(GatewayResponseOf(responseType));
    }

    public async Task<RestGatewayResponse> PutGatewayResponse(string responseType, RestGatewayResponseInput input)
    {
        EnsureExists();
        CheckResponseType(responseType);
        if (input.StatusCode is { } statusCode)
        {
            CheckStatusCode(statusCode);
        }

        var response = new RestGatewayResponse
        {
            ResponseType = responseType,
            StatusCode = input.StatusCode,
            ResponseParameters = input.ResponseParameters,
            ResponseTemplates = input.ResponseTemplates,
            DefaultResponse = false,
        };
        state.State.GatewayResponses[responseType] = response;
        await state.WriteStateOrReloadAsync(this);
        return response;
    }

    public async Task<RestGatewayResponse> UpdateGatewayResponse(string responseType, List<PatchOperation> operations)
    {
        EnsureExists();
        CheckResponseType(responseType);
        var current = GatewayResponseOf(responseType);
        foreach (var operation in operations)
        {
            CheckGatewayResponsePatch(current, operation);
        }

        var updated = JsonPatcher.Apply(current, operations, GatewayResponseRules, PatchErrorWording.BarePath) with { ResponseType = responseType, DefaultResponse = false };
        state.State.GatewayResponses[responseType] = updated;
        await state.WriteStateOrReloadAsync(this);
        return updated;
    }

    public async Task DeleteGatewayResponse(string responseType)
    {
        EnsureExists();
        CheckResponseType(responseType);
        if (!state.State.GatewayResponses.Remove(responseType))
        {
            throw ApiGatewayException.NotFound("Gateway response type not defined on api");
        }

        await state.WriteStateOrReloadAsync(this);
    }

    public async Task<RestAuthorizer> CreateAuthorizer(RestAuthorizerInput input)
    {
        EnsureExists(RestApiErrors.AuthorizerApiNotFound);
        if (string.IsNullOrEmpty(input.Name))
        {
            throw ApiGatewayException.BadRequest("Authorizer name must be non-empty");
        }

        var authorizer = CheckAuthorizer(new RestAuthorizer
        {
            Id = ResourceIds.Unique(ResourceIds.Part, state.State.Authorizers.ContainsKey),
            Name = input.Name,
            Type = input.Type ?? string.Empty,
            ProviderARNs = input.ProviderARNs,
            AuthType = input.AuthType,
            AuthorizerUri = input.AuthorizerUri,
            AuthorizerCredentials = input.AuthorizerCredentials,
            IdentitySource = input.IdentitySource,
            IdentityValidationExpression = input.IdentityValidationExpression,
            AuthorizerResultTtlInSeconds = input.AuthorizerResultTtlInSeconds ?? 300,
        });
        state.State.Authorizers[authorizer.Id] = authorizer;
        await state.WriteStateOrReloadAsync(this);
        return authorizer;
    }

    public Task<List<RestAuthorizer>> GetAuthorizers()
    {
        EnsureExists();
        return Task.FromResult(state.State.Authorizers.Values.ToList());
    }

    public Task<RestAuthorizer> GetAuthorizer(string authorizerId) => Task.FromResult(Authorizer(authorizerId));

    public async Task<RestAuthorizer> UpdateAuthorizer(string authorizerId, List<PatchOperation> operations)
    {
        var authorizer = Authorizer(authorizerId);
        var updated = CheckAuthorizer(JsonPatcher.Apply(authorizer, operations, AuthorizerRules) with { Id = authorizerId });
        state.State.Authorizers[authorizerId] = updated;
        await state.WriteStateOrReloadAsync(this);
        return updated;
    }

    public async Task DeleteAuthorizer(string authorizerId)
    {
        _ = Authorizer(authorizerId);
        foreach (var resource in state.State.Resources.Values)
        {
            if (resource.ResourceMethods?.Values.Any(m => m.AuthorizerId == authorizerId) == true)
            {
                throw ApiGatewayException.BadRequest($"Cannot delete authorizer '{state.State.Authorizers[authorizerId].Name}', is referenced in method: {resource.Path}");
            }
        }

        state.State.Authorizers.Remove(authorizerId);
        await state.WriteStateOrReloadAsync(this);
    }

    // AWS looks a model up by the API and its name at once: an unknown API is an unknown model.
    private RestModel Model(string modelName) =>
        (state.State.Api is null ? null : state.State.Models.GetValueOrDefault(modelName)) ?? throw RestApiErrors.ModelNotFound(modelName);

    // As for resources and models, an unknown API is an unknown validator to AWS.
    private RestRequestValidator Validator(string validatorId) =>
        (state.State.Api is null ? null : state.State.RequestValidators.GetValueOrDefault(validatorId)) ?? throw RestApiErrors.ValidatorNotFound();

    private RestAuthorizer Authorizer(string authorizerId)
    {
        EnsureExists();
        return state.State.Authorizers.GetValueOrDefault(authorizerId) ?? throw RestApiErrors.AuthorizerNotFound();
    }

    private RestGatewayResponse GatewayResponseOf(string responseType) =>
        state.State.GatewayResponses.GetValueOrDefault(responseType) ?? RestDefaults.GatewayResponse(GatewayResponseType.FromName(responseType)!);

    // AWS's checks of a map entry's patch, before the path rules: a value to set, an entry to replace.
    private static void CheckGatewayResponsePatch(RestGatewayResponse response, PatchOperation operation)
    {
        foreach (var (member, map) in new[] { ("responseParameters", response.ResponseParameters), ("responseTemplates", response.ResponseTemplates) })
        {
            if (operation.Op is not ("add" or "replace") || operation.Path?.StartsWith($"/{member}/", StringComparison.Ordinal) != true)
            {
                continue;
            }

            if (operation.Op == "replace" && map?.ContainsKey(PatchPath.Unescape(operation.Path[(member.Length + 2)..])) != true)
            {
                throw ApiGatewayException.NotFound("Invalid parameter name specified");
            }

            if (string.IsNullOrEmpty(operation.Value))
            {
                throw ApiGatewayException.BadRequest($"Invalid null or empty value in {member}");
            }
        }
    }

    private static void CheckResponseType(string responseType)
    {
        if (GatewayResponseType.FromName(responseType) is null)
        {
            throw RestApiErrors.UnknownGatewayResponseType(responseType, RestApiErrors.GatewayResponseTypes);
        }
    }

    private static RestAuthorizer CheckAuthorizer(RestAuthorizer authorizer)
    {
        if (authorizer.Type is not ("TOKEN" or "REQUEST" or "COGNITO_USER_POOLS"))
        {
            throw ApiGatewayException.BadRequest($"Invalid authorizer type specified: {authorizer.Type}. Valid options are TOKEN, REQUEST, COGNITO_USER_POOLS");
        }

        if (authorizer.Type == "COGNITO_USER_POOLS" ? authorizer.ProviderARNs is not { Count: > 0 } : string.IsNullOrEmpty(authorizer.AuthorizerUri))
        {
            throw ApiGatewayException.BadRequest(authorizer.Type == "COGNITO_USER_POOLS"
                ? "Invalid Authorizer: Cognito User Pool Authorizers require at least one provider ARN"
                : "Invalid Authorizer URI specified. Authorizer URI must be a valid Lambda function ARN");
        }

        if (authorizer.AuthorizerResultTtlInSeconds is < 0 or > 3600)
        {
            throw ApiGatewayException.BadRequest("Invalid authorizer result TTL specified. Must be between 0 and 3600");
        }

        return authorizer;
    }
}
