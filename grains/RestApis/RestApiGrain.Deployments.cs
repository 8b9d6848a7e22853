using System.Text.RegularExpressions;
using OrleansGateway.Errors;
using OrleansGateway.HttpApis;
using OrleansGateway.Patching;
using OrleansGateway.Storage;

namespace OrleansGateway.RestApis;

/// <summary>Deployments, stages and tags.</summary>
public sealed partial class RestApiGrain
{
    private static readonly PatchRule[] DeploymentRules = [new("/description", "replace")];

    private static readonly PatchRule[] StageRules =
    [
        new("/description", "replace"), new("/deploymentId", "replace"), new("/cacheClusterEnabled", "replace"),
        new("/cacheClusterSize", "replace"), new("/tracingEnabled", "replace"), new("/clientCertificateId", "replace"),
        new("/documentationVersion", "replace"), new("/webAclArn", "replace"),
        new("/accessLogSettings/destinationArn", "replace", "remove"), new("/accessLogSettings/format", "replace", "remove"), new("/accessLogSettings", "remove"),
        new("/variables/*", "add", "replace", "remove"),
        new("/canarySettings/percentTraffic", "replace"), new("/canarySettings/deploymentId", "replace"),
        new("/canarySettings/useStageCache", "replace"), new("/canarySettings/stageVariableOverrides/*", "add", "replace", "remove"),
        new("/canarySettings", "remove"),
    ];

    /// <summary>A stage method setting's path (after <c>/{resource}/{method}/</c>) and the member it sets.</summary>
    private static readonly Dictionary<string, string> MethodSettingPaths = new(StringComparer.Ordinal)
    {
        ["metrics/enabled"] = "metricsEnabled",
        ["logging/dataTrace"] = "dataTraceEnabled",
        ["logging/loglevel"] = "loggingLevel",
        ["throttling/burstLimit"] = "throttlingBurstLimit",
        ["throttling/rateLimit"] = "throttlingRateLimit",
        ["caching/ttlInSeconds"] = "cacheTtlInSeconds",
        ["caching/enabled"] = "cachingEnabled",
        ["caching/dataEncrypted"] = "cacheDataEncrypted",
        ["caching/requireAuthorizationForCacheControl"] = "requireAuthorizationForCacheControl",
        ["caching/unauthorizedCacheControlHeaderStrategy"] = "unauthorizedCacheControlHeaderStrategy",
    };

    public async Task<RestDeployment> CreateDeployment(RestDeploymentInput input)
    {
        EnsureExists();
        var methods = state.State.Resources.Values.SelectMany(r => (r.ResourceMethods ?? []).Values).ToList();
        if (methods.Count == 0)
        {
            throw ApiGatewayException.BadRequest("The REST API doesn't contain any methods");
        }

        if (methods.Any(m => m.MethodIntegration is null))
        {
            throw ApiGatewayException.BadRequest("No integration defined for method");
        }

        CheckVariables(input.Variables);
        CheckVariables(input.CanarySettings?.StageVariableOverrides);
        CheckCacheClusterSize(input.CacheClusterSize, "createDeploymentInput.cacheClusterSize");
        RestStage? stage = null;
        if (input.StageName is { } stageName)
        {
            CheckStageName(stageName);
            stage = state.State.Stages.Contains(stageName) ? await Stage(stageName).Get() : null;
        }

        var deployment = new RestDeployment
        {
            Id = ResourceIds.Unique(ResourceIds.Deployment, state.State.Deployments.ContainsKey),
            Description = input.Description,
            CreatedDate = Timestamps.Now(),
            ApiSummary = ApiSummary(state.State.Resources.Values),
        };
        var content = await GetContent();
        await Deployment(deployment.Id).Create(new RestDeploymentSnapshot
        {
            Deployment = deployment,
            Api = content.Api,
            Resources = content.Resources,
            Models = content.Models,
            RequestValidators = content.RequestValidators,
            GatewayResponses = content.GatewayResponses,
            Authorizers = content.Authorizers,
        });
        deployment = deployment with { ApiSummary = null };
        state.State.Deployments[deployment.Id] = deployment;
        await state.WriteStateOrReloadAsync(this);

        if (input.StageName is { } name)
        {
            var variables = input.Variables is null ? stage?.Variables : new Dictionary<string, string>(stage?.Variables ?? [], StringComparer.Ordinal).Concat(input.Variables).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);
            var canary = input.CanarySettings is { } c
                ? new RestCanarySettings { DeploymentId = deployment.Id, PercentTraffic = c.PercentTraffic ?? 0, StageVariableOverrides = c.StageVariableOverrides, UseStageCache = c.UseStageCache ?? false }
                : null;
            var now = Timestamps.Now();
            await SaveStage(stage is null
                ? NewStage(name, deployment.Id, input.StageDescription, input.CacheClusterEnabled, input.CacheClusterSize, input.Variables, canary, input.TracingEnabled, null, now)
                : stage with
                {
                    // A canary deployment goes to the canary; the stage keeps serving what it served.
                    DeploymentId = canary is null ? deployment.Id : stage.DeploymentId,
                    CanarySettings = canary ?? stage.CanarySettings,
                    Variables = variables,
                    CacheClusterEnabled = input.CacheClusterEnabled ?? stage.CacheClusterEnabled,
                    CacheClusterSize = input.CacheClusterSize ?? stage.CacheClusterSize,
                    TracingEnabled = input.TracingEnabled ?? stage.TracingEnabled,
                });
        }

        return deployment;
    }

    public Task<List<RestDeployment>> GetDeployments()
    {
        EnsureExists();
        return Task.FromResult(state.State.Deployments.Values.OrderBy(d => d.CreatedDate).ToList());
    }

    public async Task<RestDeployment> GetDeployment(string deploymentId, bool withApiSummary)
    {
        EnsureExists();
        var deployment = state.State.Deployments.GetValueOrDefault(deploymentId) ?? throw RestApiErrors.DeploymentNotFound();
        return withApiSummary && await Deployment(deploymentId).GetSnapshot() is { } snapshot
            ? deployment with { ApiSummary = snapshot.Deployment.ApiSummary }
            : deployment;
    }

    public async Task<RestDeployment> UpdateDeployment(string deploymentId, List<PatchOperation> operations)
    {
        var deployment = await GetDeployment(deploymentId, withApiSummary: false);
        var updated = JsonPatcher.Apply(deployment, operations, DeploymentRules) with { Id = deploymentId, CreatedDate = deployment.CreatedDate };
        state.State.Deployments[deploymentId] = updated;
        await state.WriteStateOrReloadAsync(this);
        return updated;
    }

    public async Task DeleteDeployment(string deploymentId)
    {
        _ = await GetDeployment(deploymentId, withApiSummary: false);
        foreach (var stageName in state.State.Stages)
        {
            if (await Stage(stageName).Get() is { } stage && (stage.DeploymentId == deploymentId || stage.CanarySettings?.DeploymentId == deploymentId))
            {
                throw ApiGatewayException.BadRequest("Active stages pointing to this deployment must be moved or deleted");
            }
        }

        state.State.Deployments.Remove(deploymentId);
        await state.WriteStateOrReloadAsync(this);
        await Deployment(deploymentId).Delete();
    }

    public async Task<RestStage> CreateStage(RestStageInput input)
    {
        EnsureExists();
        if (string.IsNullOrEmpty(input.StageName))
        {
            throw ApiGatewayException.BadRequest("Stage name must be non-empty");
        }

        CheckStageName(input.StageName);
        if (input.DeploymentId is not { } deploymentId || !state.State.Deployments.ContainsKey(deploymentId))
        {
            throw RestApiErrors.DeploymentNotFound();
        }

        if (state.State.Stages.Contains(input.StageName))
        {
            throw ApiGatewayException.Conflict("Stage already exists");
        }

        CheckVariables(input.Variables);
        CheckCacheClusterSize(input.CacheClusterSize, "createStageInput.cacheClusterSize");
        var canary = input.CanarySettings is { } c
            ? CheckCanary(c with { DeploymentId = c.DeploymentId ?? deploymentId })
            : null;
        return await SaveStage(NewStage(input.StageName, deploymentId, input.Description, input.CacheClusterEnabled, input.CacheClusterSize,
            input.Variables, canary, input.TracingEnabled, input.Tags, Timestamps.Now()) with { DocumentationVersion = input.DocumentationVersion });
    }

    public async Task<List<RestStage>> GetStages(string? deploymentId)
    {
        EnsureExists();
        var stages = new List<RestStage>();
        foreach (var stageName in state.State.Stages)
        {
            if (await Stage(stageName).Get() is { } stage && (deploymentId is null || stage.DeploymentId == deploymentId))
            {
                stages.Add(stage);
            }
        }

        return stages;
    }

    public async Task<RestStage> GetStage(string stageName)
    {
        EnsureExists();
        return state.State.Stages.Contains(stageName) && await Stage(stageName).Get() is { } stage ? stage : throw RestApiErrors.StageNotFound();
    }

    public async Task<RestStage> UpdateStage(string stageName, List<PatchOperation> operations)
    {
        var stage = await GetStage(stageName);
        foreach (var operation in operations)
        {
            stage = ApplyStagePatch(stage, operation);
        }

        if (stage.DeploymentId is not { } deploymentId || !state.State.Deployments.ContainsKey(deploymentId)
            || (stage.CanarySettings?.DeploymentId is { } canaryId && !state.State.Deployments.ContainsKey(canaryId)))
        {
            throw ApiGatewayException.BadRequest("Deployment id does not exist");
        }

        CheckVariables(stage.Variables);
        if (stage.CanarySettings is { } canary)
        {
            CheckVariables(canary.StageVariableOverrides);
            CheckCanary(canary);
        }

        CheckCacheClusterSize(stage.CacheClusterSize, "cacheClusterSize");
        CheckCacheSettings(stage.MethodSettings);
        if (stage.CacheClusterEnabled && stage.CacheClusterSize is null)
        {
            stage = stage with { CacheClusterSize = "0.5" };
        }

        return await Stage(stageName).Save(stage with { CacheClusterStatus = RestDefaults.CacheClusterNotAvailable });
    }

    public Task<List<string>?> GetStageNames() =>
        Task.FromResult(state.State.Api is null ? null : new List<string>(state.State.Stages));

    public async Task DeleteStage(string stageName)
    {
        _ = await GetStage(stageName);
        state.State.Stages.Remove(stageName);
        await state.WriteStateOrReloadAsync(this);
        await Stage(stageName).Delete();
        await PublishApiChanged();
    }

    public async Task<Dictionary<string, string>> GetTags(string? stageName) =>
        stageName is null ? Api.Tags ?? [] : (await GetStage(stageName)).Tags ?? [];

    public async Task TagResource(string? stageName, Dictionary<string, string> tags)
    {
        var current = await GetTags(stageName);
        var merged = new Dictionary<string, string>(current, StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            merged[key] = value;
        }

        await SetTags(stageName, merged);
    }

    public async Task UntagResource(string? stageName, List<string> tagKeys)
    {
        var remaining = new Dictionary<string, string>(await GetTags(stageName), StringComparer.Ordinal);
        foreach (var key in tagKeys)
        {
            remaining.Remove(key);
        }

        await SetTags(stageName, remaining);
    }

    private async Task SetTags(string? stageName, Dictionary<string, string> tags)
    {
        if (stageName is null)
        {
            state.State.Api = Api with { Tags = tags.Count > 0 ? tags : null };
            await state.WriteStateOrReloadAsync(this);
        }
        else
        {
            await Stage(stageName).SetTags(tags);
        }
    }

    private async Task<RestStage> SaveStage(RestStage stage)
    {
        var added = state.State.Stages.Add(stage.StageName);
        if (added)
        {
            await state.WriteStateOrReloadAsync(this);
        }

        var saved = await Stage(stage.StageName).Save(stage);

        // Edges learn a new stage name only once its grain can serve it.
        if (added)
        {
            await PublishApiChanged();
        }

        return saved;
    }

    private static RestStage NewStage(string name, string deploymentId, string? description, bool? cacheClusterEnabled, string? cacheClusterSize,
        Dictionary<string, string>? variables, RestCanarySettings? canary, bool? tracingEnabled, Dictionary<string, string>? tags, DateTimeOffset now) => new()
    {
        StageName = name,
        DeploymentId = deploymentId,
        Description = description,
        CacheClusterEnabled = cacheClusterEnabled ?? false,
        CacheClusterSize = cacheClusterEnabled == true ? cacheClusterSize ?? "0.5" : cacheClusterSize,
        CacheClusterStatus = RestDefaults.CacheClusterNotAvailable,
        MethodSettings = [],
        Variables = variables is { Count: > 0 } ? variables : null,
        CanarySettings = canary,
        TracingEnabled = tracingEnabled ?? false,
        Tags = tags is { Count: > 0 } ? tags : null,
        CreatedDate = now,
        LastUpdatedDate = now,
    };

    /// <summary>One UpdateStage operation: a method setting (<c>/{resource path}/{METHOD}/caching/enabled</c>), a canary promotion (copy), or a stage member.</summary>
    private static RestStage ApplyStagePatch(RestStage stage, PatchOperation operation)
    {
        var path = operation.Path ?? string.Empty;
        if (operation.Op == "copy")
        {
            if (stage.CanarySettings is not { } canary)
            {
                throw ApiGatewayException.BadRequest("Promotion not available. Canary does not exist.");
            }

            return (path, operation.From) switch
            {
                ("/deploymentId", "/canarySettings/deploymentId") => stage with { DeploymentId = canary.DeploymentId },
                ("/variables", "/canarySettings/stageVariableOverrides") => stage with
                {
                    Variables = (stage.Variables ?? []).Concat(canary.StageVariableOverrides ?? []).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value),
                },
                _ => throw ApiGatewayException.BadRequest($"Invalid copy operation with path: {path} and from {operation.From}. Valid copy:path are [/deploymentId, /variables] and valid copy:from are [/canarySettings/deploymentId, /canarySettings/stageVariableOverrides]"),
            };
        }

        var segments = path.TrimStart('/').Split('/');
        if (segments.Length == 2 && segments[0] == "*" && segments[1] == "*" && operation.Op == "remove")
        {
            return RemoveMethodSetting(stage, "*/*");
        }

        if (segments.Length == 2 && operation.Op == "remove" && segments[0] is not ("variables" or "canarySettings" or "accessLogSettings"))
        {
            return RemoveMethodSetting(stage, $"{segments[0]}/{segments[1]}");
        }

        if (segments.Length == 4 && MethodSettingPaths.TryGetValue($"{segments[2]}/{segments[3]}", out var member))
        {
            if (operation.Op != "replace")
            {
                throw PatchErrors.InvalidOperation(["replace"]);
            }

            var key = $"{segments[0]}/{segments[1]}";
            var settings = new Dictionary<string, RestMethodSetting>(stage.MethodSettings ?? [], StringComparer.Ordinal);
            var patched = JsonPatcher.Apply(settings.GetValueOrDefault(key) ?? RestDefaults.MethodSetting, [operation with { Path = "/" + member }], [new PatchRule("/" + member, "replace")]);
            settings[key] = patched;
            return stage with { MethodSettings = settings };
        }

        if (!StageRules.Any(r => r.Matches(path)))
        {
            throw ApiGatewayException.BadRequest($"Invalid method setting path: {path}. Must be one of: [/deploymentId, /description, /cacheClusterEnabled, /cacheClusterSize, /clientCertificateId, /accessLogSettings, /accessLogSettings/destinationArn, /accessLogSettings/format, /{{resourcePath}}/{{httpMethod}}/metrics/enabled, /{{resourcePath}}/{{httpMethod}}/logging/dataTrace, /{{resourcePath}}/{{httpMethod}}/logging/loglevel, /{{resourcePath}}/{{httpMethod}}/throttling/burstLimit/{{resourcePath}}/{{httpMethod}}/throttling/rateLimit/{{resourcePath}}/{{httpMethod}}/caching/ttlInSeconds, /{{resourcePath}}/{{httpMethod}}/caching/enabled, /{{resourcePath}}/{{httpMethod}}/caching/dataEncrypted, /{{resourcePath}}/{{httpMethod}}/caching/requireAuthorizationForCacheControl, /{{resourcePath}}/{{httpMethod}}/caching/unauthorizedCacheControlHeaderStrategy, /*/*/metrics/enabled, /*/*/logging/dataTrace, /*/*/logging/loglevel, /*/*/throttling/burstLimit /*/*/throttling/rateLimit /*/*/caching/ttlInSeconds, /*/*/caching/enabled, /*/*/caching/dataEncrypted, /*/*/caching/requireAuthorizationForCacheControl, /*/*/caching/unauthorizedCacheControlHeaderStrategy, /variables/{{variable_name}}, /tracingEnabled]");
        }

        var updated = JsonPatcher.Apply(stage, [operation], StageRules);
        return updated with
        {
            Variables = updated.Variables is { Count: > 0 } ? updated.Variables : null,
            CanarySettings = updated.CanarySettings is { } c && path.StartsWith("/canarySettings/", StringComparison.Ordinal) && stage.CanarySettings is null
                ? c with { DeploymentId = c.DeploymentId ?? stage.DeploymentId }
                : updated.CanarySettings,
        };
    }

    private static RestStage RemoveMethodSetting(RestStage stage, string key)
    {
        var settings = new Dictionary<string, RestMethodSetting>(stage.MethodSettings ?? [], StringComparer.Ordinal);
        if (!settings.Remove(key))
        {
            throw ApiGatewayException.BadRequest($"Cannot remove method setting {key} because there is no method setting for this method ");
        }

        return stage with { MethodSettings = settings };
    }

    private RestCanarySettings CheckCanary(RestCanarySettings canary)
    {
        if (canary.DeploymentId is { } id && !state.State.Deployments.ContainsKey(id))
        {
            throw ApiGatewayException.BadRequest("Deployment id does not exist");
        }

        if (canary.PercentTraffic is < 0 or > 100)
        {
            throw ApiGatewayException.BadRequest("Canary traffic percentage must be between 0.0 and 100.0");
        }

        return canary;
    }

    private static void CheckStageName(string stageName)
    {
        if (!RestStageName.IsValid(stageName))
        {
            throw ApiGatewayException.BadRequest("Stage name only allows a-zA-Z0-9_-");
        }
    }

    private static void CheckCacheClusterSize(string? size, string member)
    {
        if (size is not null && !RestCacheSettings.Sizes.Contains(size))
        {
            throw RestApiErrors.InvalidCacheClusterSize(size, member);
        }
    }

    // The data plane serves TTLs up to an hour and three strategies; anything else is refused, not stored.
    private static void CheckCacheSettings(Dictionary<string, RestMethodSetting>? settings)
    {
        foreach (var (key, setting) in settings ?? [])
        {
            if (setting.CacheTtlInSeconds is < 0 or > RestCacheSettings.MaxTtlSeconds)
            {
                throw ApiGatewayException.BadRequest($"Invalid cache TTL value {setting.CacheTtlInSeconds} for {key}: must be between 0 and {RestCacheSettings.MaxTtlSeconds} seconds");
            }

            if (setting.UnauthorizedCacheControlHeaderStrategy is { } strategy && !RestMethodCaching.Strategies.Contains(strategy))
            {
                throw ApiGatewayException.BadRequest($"Invalid unauthorizedCacheControlHeaderStrategy {strategy} for {key}: must be one of [{string.Join(", ", RestMethodCaching.Strategies)}]");
            }
        }
    }

    private static void CheckVariables(Dictionary<string, string>? variables)
    {
        foreach (var (name, value) in variables ?? [])
        {
            if (!VariableNamePattern().IsMatch(name))
            {
                throw ApiGatewayException.BadRequest("Stage variable names may only contain alphanumeric characters and underscores");
            }

            if (!VariableValuePattern().IsMatch(value))
            {
                throw ApiGatewayException.BadRequest("Stage variable values must match the regular expression [A-Za-z0-9-._~:/?#&=,]+");
            }
        }
    }

    private static Dictionary<string, Dictionary<string, RestMethodSnapshot>> ApiSummary(IEnumerable<RestResource> resources) =>
        resources.Where(r => r.ResourceMethods is { Count: > 0 })
            .OrderBy(r => r.Path, StringComparer.Ordinal)
            .ToDictionary(
                r => r.Path,
                r => r.ResourceMethods!.ToDictionary(m => m.Key, m => new RestMethodSnapshot { AuthorizationType = m.Value.AuthorizationType, ApiKeyRequired = m.Value.ApiKeyRequired }, StringComparer.Ordinal),
                StringComparer.Ordinal);

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex VariableNamePattern();

    [GeneratedRegex("^[A-Za-z0-9-._~:/?#&=,]+$")]
    private static partial Regex VariableValuePattern();
}
