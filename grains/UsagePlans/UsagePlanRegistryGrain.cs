using System.Globalization;
using OrleansGateway.ApiKeys;
using OrleansGateway.Errors;
using OrleansGateway.HttpApis;
using OrleansGateway.Patching;
using OrleansGateway.RestApis;
using OrleansGateway.Routing;
using OrleansGateway.Storage;

namespace OrleansGateway.UsagePlans;

/// <summary>The account's usage plans (see <see cref="IUsagePlanRegistryGrain"/>): validated, then written once per change.</summary>
public sealed class UsagePlanRegistryGrain(
    [PersistentState("state", StorageNames.Gateway)] IPersistentState<UsagePlanRegistryState> state,
    IGrainFactory grains,
    TimeProvider? clock = null) : Grain, IUsagePlanRegistryGrain
{
    private const string DateFormat = "yyyy-MM-dd";

    private static readonly PatchRule[] Rules =
    [
        new("/name", "replace"), new("/description", "replace"), new("/productCode", "replace"),
        new("/throttle/rateLimit", "replace"), new("/throttle/burstLimit", "replace"), new("/throttle", "remove"),
        new("/quota/limit", "replace"), new("/quota/period", "replace"), new("/quota/offset", "replace"), new("/quota", "remove"),
        new("/apiStages", "add", "remove"),
    ];

    private static readonly PatchRule[] UsageRules = [new("/remaining", "replace")];

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private Dictionary<string, UsagePlan> Plans => state.State.Plans;

    public async Task<UsagePlan> Create(UsagePlan input)
    {
        if (string.IsNullOrEmpty(input.Name))
        {
            throw ApiGatewayException.BadRequest("Invalid Usage Plan name specified");
        }

        CheckQuota(input.Quota);
        var plan = input with
        {
            Id = ResourceIds.Unique(ResourceIds.Part, Plans.ContainsKey),
            ApiStages = input.ApiStages ?? [],
            Quota = input.Quota is null ? null : input.Quota with { SetAt = _clock.GetUtcNow() },
            Tags = input.Tags is { Count: > 0 } ? input.Tags : null,
        };
        Plans[plan.Id!] = plan;
        await WriteAsync();
        return plan;
    }

    public Task<UsagePlan> Get(string usagePlanId) => Task.FromResult(Find(usagePlanId));

    public Task<List<UsagePlan>> List(string? keyId) =>
        Task.FromResult(Plans.Values
            .Where(p => keyId is null || (state.State.Keys.TryGetValue(p.Id!, out var keys) && keys.Contains(keyId)))
            .ToList());

    public async Task<UsagePlan> Update(string usagePlanId, List<PatchOperation> operations)
    {
        var before = Find(usagePlanId);
        var plan = before;
        foreach (var operation in operations)
        {
            JsonPatcher.Check(operation, Rules);
            plan = operation.Path == "/apiStages" ? PatchApiStages(plan, operation) : JsonPatcher.Apply(plan, [operation], Rules);
        }

        CheckQuota(plan.Quota);
        plan = plan with { Quota = QuotaSince(before.Quota, plan.Quota) };
        Plans[usagePlanId] = plan;
        await WriteAsync();
        return plan;
    }

    public async Task Delete(string usagePlanId)
    {
        Find(usagePlanId);
        Plans.Remove(usagePlanId);
        state.State.Keys.Remove(usagePlanId);
        foreach (var counter in state.State.Used.Keys.Where(k => k.StartsWith(usagePlanId + "/", StringComparison.Ordinal)).ToList())
        {
            state.State.Used.Remove(counter);
        }

        await WriteAsync();
    }

    public async Task<UsagePlanKey> AddKey(string usagePlanId, string keyId, string? keyType)
    {
        Find(usagePlanId);
        if (keyType != "API_KEY")
        {
            throw ApiGatewayException.BadRequest($"Invalid key type specified: {keyType}");
        }

        var key = await grains.GetGrain<IApiKeyRegistryGrain>(0).Get(keyId);
        var keys = state.State.Keys.TryGetValue(usagePlanId, out var existing) ? existing : state.State.Keys[usagePlanId] = new(StringComparer.Ordinal);
        if (!keys.Add(keyId))
        {
            throw ApiGatewayException.Conflict("Usage Plan Key already exists");
        }

        await WriteAsync();
        return PlanKey(key);
    }

    public async Task<UsagePlanKey> GetKey(string usagePlanId, string keyId)
    {
        CheckKey(usagePlanId, keyId);
        return PlanKey(await grains.GetGrain<IApiKeyRegistryGrain>(0).Get(keyId));
    }

    public async Task<List<UsagePlanKey>> ListKeys(string usagePlanId)
    {
        Find(usagePlanId);
        var keys = await grains.GetGrain<IApiKeyRegistryGrain>(0).List();
        var ids = state.State.Keys.GetValueOrDefault(usagePlanId) ?? [];
        return [.. keys.Where(k => ids.Contains(k.Id)).Select(PlanKey)];
    }

    public async Task RemoveKey(string usagePlanId, string keyId)
    {
        CheckKey(usagePlanId, keyId);
        state.State.Keys[usagePlanId].Remove(keyId);
        state.State.Used.Remove($"{usagePlanId}/{keyId}");
        await WriteAsync();
    }

    public async Task<UsagePlanUsage> GetUsage(string usagePlanId, string? startDate, string? endDate, string? keyId)
    {
        var plan = Find(usagePlanId);
        var start = ParseDate(startDate, "startDate");
        var end = ParseDate(endDate, "endDate");
        if (end < start)
        {
            throw ApiGatewayException.BadRequest("The usage data period cannot exceed 90 days and the end date must not be before the start date");
        }

        var keys = keyId is null ? state.State.Keys.GetValueOrDefault(usagePlanId) ?? [] : [keyId];
        var values = new Dictionary<string, List<List<long>>>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            values[key] = Days(plan, await Quota(usagePlanId, key).GetDays(), start, end);
        }

        return new UsagePlanUsage { UsagePlanId = usagePlanId, StartDate = startDate!, EndDate = endDate!, Values = values };
    }

    public async Task<UsagePlanUsage> UpdateUsage(string usagePlanId, string keyId, List<PatchOperation> operations)
    {
        var plan = Find(usagePlanId);
        CheckKey(usagePlanId, keyId);
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        foreach (var operation in operations)
        {
            JsonPatcher.Check(operation, UsageRules);
            if (!long.TryParse(operation.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var remaining))
            {
                throw ApiGatewayException.BadRequest($"Invalid remaining value specified: {operation.Value}");
            }

            await Quota(usagePlanId, keyId).SetRemaining(plan.Quota, remaining);
        }

        // A new version tells edges to drop their quota leases, so the grant is seen at once.
        await WriteAsync();
        return new UsagePlanUsage
        {
            UsagePlanId = usagePlanId,
            StartDate = Format(today),
            EndDate = Format(today),
            Values = new(StringComparer.Ordinal) { [keyId] = Days(plan, await Quota(usagePlanId, keyId).GetDays(), today, today) },
        };
    }

    public async Task TagResource(string usagePlanId, Dictionary<string, string> tags)
    {
        var plan = Find(usagePlanId);
        var merged = new Dictionary<string, string>(plan.Tags ?? [], StringComparer.Ordinal);
        foreach (var (name, value) in tags)
        {
            merged[name] = value;
        }

        Plans[usagePlanId] = plan with { Tags = merged };
        await WriteAsync();
    }

    public async Task UntagResource(string usagePlanId, List<string> tagKeys)
    {
        var plan = Find(usagePlanId);
        var kept = (plan.Tags ?? []).Where(t => !tagKeys.Contains(t.Key)).ToDictionary(StringComparer.Ordinal);
        Plans[usagePlanId] = plan with { Tags = kept.Count > 0 ? kept : null };
        await WriteAsync();
    }

    public Task<long> GetVersion() => Task.FromResult(state.State.Version);

    private UsagePlan Find(string usagePlanId) => Plans.TryGetValue(usagePlanId, out var plan) ? plan : throw UsagePlanErrors.NotFound();

    private void CheckKey(string usagePlanId, string keyId)
    {
        Find(usagePlanId);
        if (state.State.Keys.GetValueOrDefault(usagePlanId)?.Contains(keyId) != true)
        {
            throw UsagePlanErrors.KeyNotFound();
        }
    }

    private static UsagePlanKey PlanKey(ApiKey key) => new() { Id = key.Id, Value = key.Value, Name = key.Name };

    private static void CheckQuota(UsagePlanQuota? quota)
    {
        if (quota?.Period is { } period && !UsagePlanErrors.Periods.Contains(period))
        {
            throw UsagePlanErrors.UnknownPeriod(period);
        }

        if (quota?.Offset is { } offset && (offset < 0 || (quota.Limit is { } limit && offset > 0 && offset >= limit)))
        {
            throw UsagePlanErrors.InvalidOffset(offset, quota.Limit);
        }
    }

    // The patched quota, stamped now when its limit, period or offset changed (a new initial period
    // for the offset), else keeping its stamp (patching goes through JSON, which does not carry it).
    private UsagePlanQuota? QuotaSince(UsagePlanQuota? before, UsagePlanQuota? after) =>
        after is null ? null
        : before is not null && before.Limit == after.Limit && before.Period == after.Period && before.Offset == after.Offset ? after with { SetAt = before.SetAt }
        : after with { SetAt = _clock.GetUtcNow() };

    // "apiId:stage", as AWS's patch value names an API stage.
    private static UsagePlan PatchApiStages(UsagePlan plan, PatchOperation operation)
    {
        var parts = (operation.Value ?? string.Empty).Split(':');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw ApiGatewayException.BadRequest($"Invalid API Stage specified: {operation.Value}");
        }

        var stages = plan.ApiStages.Where(s => s.ApiId != parts[0] || s.Stage != parts[1]).ToList();
        if (operation.Op == "add")
        {
            stages.Add(new UsagePlanApiStage { ApiId = parts[0], Stage = parts[1] });
        }

        return plan with { ApiStages = stages };
    }

    // The quota grain owns a key's usage: requests metered by edges and update-usage alike.
    private IQuotaGrain Quota(string usagePlanId, string keyId) => grains.GetGrain<IQuotaGrain>($"{usagePlanId}/{keyId}");

    // One [used, remaining] pair per day, remaining counted from the start of that day's quota period.
    private static List<List<long>> Days(UsagePlan plan, Dictionary<DateOnly, long> counts, DateOnly start, DateOnly end)
    {
        var days = new List<List<long>>();
        for (var day = start; day <= end; day = day.AddDays(1))
        {
            days.Add([counts.GetValueOrDefault(day), Math.Max(0, QuotaPeriods.Allowance(plan.Quota, day) - QuotaPeriods.UsedInPeriod(plan.Quota?.Period, day, counts))]);
        }

        return days;
    }

    private static DateOnly ParseDate(string? value, string name) =>
        DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw ApiGatewayException.BadRequest($"Invalid {name} specified: {value}");

    private static string Format(DateOnly day) => day.ToString(DateFormat, CultureInfo.InvariantCulture);

    private async Task WriteAsync()
    {
        state.State.Version++;
        await state.WriteStateOrReloadAsync(this);
        await grains.GetGrain<IEdgeDirectoryGrain>(0).PublishApiKeysChanged();
    }
}
