using OrleansGateway.RestApis;

namespace OrleansGateway.ApiKeys;

/// <summary>
/// The account's API keys (one grain, key 0), stored as AWS stores them. Every change bumps
/// <see cref="GetVersion"/>, so an edge can hold the whole key table and reload it only when the
/// version moved (issue 10 enforces keys from that table). Errors are AWS's
/// (<see cref="Errors.ApiGatewayException"/>).
/// </summary>
[Alias("gw.IApiKeyRegistryGrain")]
public interface IApiKeyRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>CreateApiKey: a 40-character value is generated unless one of at least 20 is given.</summary>
    [Alias("Create")]
    Task<ApiKey> Create(ApiKeyInput input);

    /// <summary>The key; NotFound ("Invalid API Key identifier specified") when it does not exist.</summary>
    [Alias("Get")]
    Task<ApiKey> Get(string apiKeyId);

    /// <summary>Every key, oldest first.</summary>
    [Alias("List")]
    Task<List<ApiKey>> List();

    /// <summary>UpdateApiKey: /name, /description, /enabled, /customerId (replace) and /stages (add, remove <c>restApiId/stage</c>).</summary>
    [Alias("Update")]
    Task<ApiKey> Update(string apiKeyId, List<PatchOperation> operations);

    [Alias("Delete")]
    Task Delete(string apiKeyId);

    /// <summary>
    /// ImportApiKeys from AWS's CSV (header <c>Name,Key,Description,Enabled,UsageplanIds</c>, any
    /// order and case). A row that cannot be imported is a warning, or the whole import's failure
    /// when <paramref name="failOnWarnings"/>.
    /// </summary>
    [Alias("Import")]
    Task<ApiKeyImportResult> Import(string csv, bool failOnWarnings);

    [Alias("TagResource")]
    Task TagResource(string apiKeyId, Dictionary<string, string> tags);

    [Alias("UntagResource")]
    Task UntagResource(string apiKeyId, List<string> tagKeys);

    /// <summary>Changes with every write; an edge's copy of the keys is current while it matches.</summary>
    [Alias("GetVersion")]
    Task<long> GetVersion();
}
