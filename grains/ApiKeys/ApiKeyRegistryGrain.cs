using OrleansGateway.HttpApis;
using OrleansGateway.Patching;
using OrleansGateway.RestApis;
using OrleansGateway.Routing;
using OrleansGateway.Storage;

namespace OrleansGateway.ApiKeys;

/// <summary>The account's API keys (see <see cref="IApiKeyRegistryGrain"/>): validated, then written once per change.</summary>
public sealed class ApiKeyRegistryGrain(
    [PersistentState("state", StorageNames.Gateway)] IPersistentState<ApiKeyRegistryState> state,
    IGrainFactory grains) : Grain, IApiKeyRegistryGrain
{
    private const string ValueAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private static readonly PatchRule[] Rules =
    [
        new("/name", "replace"), new("/description", "replace"), new("/enabled", "replace"), new("/customerId", "replace"),
        new("/stages", "add", "remove"),
    ];

    private Dictionary<string, ApiKey> Keys => state.State.Keys;

    public async Task<ApiKey> Create(ApiKeyInput input)
    {
        var value = input.Value ?? NewValue();
        CheckValue(value);
        var now = Timestamps.Now();
        var key = new ApiKey
        {
            Id = ResourceIds.Unique(ResourceIds.Api, Keys.ContainsKey),
            Value = value,
            Name = input.Name,
            Description = input.Description,
            CustomerId = input.CustomerId,
            Enabled = input.Enabled ?? false,
            CreatedDate = now,
            LastUpdatedDate = now,
            StageKeys = [.. (input.StageKeys ?? []).Select(s => $"{s.RestApiId}/{s.StageName}")],
            Tags = input.Tags is { Count: > 0 } ? input.Tags : null,
        };
        Keys[key.Id] = key;
        await WriteAsync();
        return key;
    }

    public Task<ApiKey> Get(string apiKeyId) => Task.FromResult(Find(apiKeyId));

    public Task<List<ApiKey>> List() => Task.FromResult(Keys.Values.OrderBy(k => k.CreatedDate).ThenBy(k => k.Id, StringComparer.Ordinal).ToList());

    public async Task<ApiKey> Update(string apiKeyId, List<PatchOperation> operations)
    {
        var key = Find(apiKeyId);
        foreach (var operation in operations)
        {
            JsonPatcher.Check(operation, Rules);
            key = operation.Path switch
            {
                "/name" => key with { Name = operation.Value },
                "/description" => key with { Description = operation.Value },
                "/customerId" => key with { CustomerId = operation.Value },
                "/enabled" => key with { Enabled = string.Equals(operation.Value, "true", StringComparison.OrdinalIgnoreCase) },
                _ when operation.Op == "add" => key with { StageKeys = [.. key.StageKeys.Append(operation.Value ?? string.Empty).Distinct(StringComparer.Ordinal)] },
                _ => key with { StageKeys = [.. key.StageKeys.Where(s => s != operation.Value)] },
            };
        }

        Keys[apiKeyId] = key with { LastUpdatedDate = Timestamps.Now() };
        await WriteAsync();
        return Keys[apiKeyId];
    }

    public async Task Delete(string apiKeyId)
    {
        Find(apiKeyId);
        Keys.Remove(apiKeyId);
        await WriteAsync();
    }

    public async Task<ApiKeyImportResult> Import(string csv, bool failOnWarnings)
    {
        var (rows, warnings) = ApiKeyCsv.Parse(csv);
        var created = new List<ApiKey>();
        foreach (var (line, row) in rows)
        {
            var value = row.Key ?? string.Empty;
            if (value.Length < ApiKeyErrors.MinValueLength || Keys.Values.Concat(created).Any(k => k.Value == value))
            {
                warnings.Add(value.Length < ApiKeyErrors.MinValueLength
                    ? $"Invalid API Key value on line {line}: API Key value should be at least {ApiKeyErrors.MinValueLength} characters"
                    : $"Duplicate API Key value on line {line}");
                continue;
            }

            var now = Timestamps.Now();
            created.Add(new ApiKey
            {
                Id = ResourceIds.Unique(ResourceIds.Api, id => Keys.ContainsKey(id) || created.Any(k => k.Id == id)),
                Value = value,
                Name = row.Name,
                Description = row.Description,
                Enabled = row.Enabled,
                CreatedDate = now,
                LastUpdatedDate = now,
            });
        }

        if (failOnWarnings && warnings.Count > 0)
        {
            throw Errors.ApiGatewayException.BadRequest(string.Join("; ", warnings));
        }

        if (created.Count > 0)
        {
            foreach (var key in created)
            {
                Keys[key.Id] = key;
            }

            await WriteAsync();
        }

        return new ApiKeyImportResult { Ids = [.. created.Select(k => k.Id)], Warnings = warnings };
    }

    public async Task TagResource(string apiKeyId, Dictionary<string, string> tags)
    {
        var key = Find(apiKeyId);
        var merged = new Dictionary<string, string>(key.Tags ?? [], StringComparer.Ordinal);
        foreach (var (name, value) in tags)
        {
            merged[name] = value;
        }

        Keys[apiKeyId] = key with { Tags = merged };
        await WriteAsync();
    }

    public async Task UntagResource(string apiKeyId, List<string> tagKeys)
    {
        var key = Find(apiKeyId);
        var kept = (key.Tags ?? []).Where(t => !tagKeys.Contains(t.Key)).ToDictionary(StringComparer.Ordinal);
        Keys[apiKeyId] = key with { Tags = kept.Count > 0 ? kept : null };
        await WriteAsync();
    }

    public Task<long> GetVersion() => Task.FromResult(state.State.Version);

    private ApiKey Find(string apiKeyId) => Keys.TryGetValue(apiKeyId, out var key) ? key : throw ApiKeyErrors.NotFound();

    private void CheckValue(string value)
    {
        if (value.Length < ApiKeyErrors.MinValueLength)
        {
            throw ApiKeyErrors.ValueTooShort();
        }

        if (Keys.Values.Any(k => k.Value == value))
        {
            throw ApiKeyErrors.ValueTaken();
        }
    }

    private async Task WriteAsync()
    {
        state.State.Version++;
        await state.WriteStateOrReloadAsync(this);
        await grains.GetGrain<IEdgeDirectoryGrain>(0).PublishApiKeysChanged();
    }

    private static string NewValue() =>
        string.Create(40, 0, (chars, _) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = ValueAlphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(ValueAlphabet.Length)];
            }
        });
}
