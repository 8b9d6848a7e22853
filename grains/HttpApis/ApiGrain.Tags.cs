using OrleansGateway.Storage;

namespace OrleansGateway.HttpApis;

public sealed partial class ApiGrain
{
    public async Task<Dictionary<string, string>> GetTags(string? stageName)
    {
        if (stageName is null)
        {
            return new Dictionary<string, string>(Api.Tags ?? []);
        }

        return new Dictionary<string, string>((await GetStage(stageName)).Tags ?? []);
    }

    public async Task TagResource(string? stageName, Dictionary<string, string> tags)
    {
        var merged = await GetTags(stageName);
        foreach (var (key, value) in tags)
        {
            merged[key] = value;
        }

        await SetTags(stageName, merged);
    }

    public async Task UntagResource(string? stageName, List<string> tagKeys)
    {
        var remaining = await GetTags(stageName);
        foreach (var key in tagKeys)
        {
            remaining.Remove(key);
        }

        await SetTags(stageName, remaining);
    }

    private async Task SetTags(string? stageName, Dictionary<string, string> tags)
    {
        if (stageName is not null)
        {
            await Stage(stageName).SetTags(tags);
            return;
        }

        state.State.Api = Api with { Tags = tags };
        await state.WriteStateOrReloadAsync(this);
    }
}
