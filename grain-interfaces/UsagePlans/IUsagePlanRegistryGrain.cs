using OrleansGateway.RestApis;

namespace OrleansGateway.UsagePlans;

/// <summary>
/// The account's usage plans, their keys and their usage counters (one grain, key 0), stored as
/// AWS stores them. <see cref="GetVersion"/> moves with every change, for edges that hold the plans
/// (issue 10 enforces throttles and quotas from them).
/// </summary>
[Alias("gw.IUsagePlanRegistryGrain")]
public interface IUsagePlanRegistryGrain : IGrainWithIntegerKey
{
    [Alias("Create")]
    Task<UsagePlan> Create(UsagePlan input);

    /// <summary>The plan; NotFound ("Invalid Usage Plan ID specified") when it does not exist.</summary>
    [Alias("Get")]
    Task<UsagePlan> Get(string usagePlanId);

    /// <summary>Every plan, or those holding <paramref name="keyId"/>.</summary>
    [Alias("List")]
    Task<List<UsagePlan>> List(string? keyId);

    /// <summary>UpdateUsagePlan: /name, /description, /productCode, /throttle/*, /quota/*, /apiStages (add, remove <c>apiId:stage</c>).</summary>
    [Alias("Update")]
    Task<UsagePlan> Update(string usagePlanId, List<PatchOperation> operations);

    [Alias("Delete")]
    Task Delete(string usagePlanId);

    /// <summary>CreateUsagePlanKey: adds an existing API key (type API_KEY) to the plan.</summary>
    [Alias("AddKey")]
    Task<UsagePlanKey> AddKey(string usagePlanId, string keyId, string? keyType);

    [Alias("GetKey")]
    Task<UsagePlanKey> GetKey(string usagePlanId, string keyId);

    [Alias("ListKeys")]
    Task<List<UsagePlanKey>> ListKeys(string usagePlanId);

    [Alias("RemoveKey")]
    Task RemoveKey(string usagePlanId, string keyId);

    /// <summary>GetUsage for days <paramref name="startDate"/> to <paramref name="endDate"/> (yyyy-MM-dd), of one key or all.</summary>
    [Alias("GetUsage")]
    Task<UsagePlanUsage> GetUsage(string usagePlanId, string? startDate, string? endDate, string? keyId);

    /// <summary>UpdateUsage: <c>replace /remaining</c> sets what the key has left of today's quota period.</summary>
    [Alias("UpdateUsage")]
    Task<UsagePlanUsage> UpdateUsage(string usagePlanId, string keyId, List<PatchOperation> operations);

    [Alias("TagResource")]
    Task TagResource(string usagePlanId, Dictionary<string, string> tags);

    [Alias("UntagResource")]
    Task UntagResource(string usagePlanId, List<string> tagKeys);

    [Alias("GetVersion")]
    Task<long> GetVersion();
}
