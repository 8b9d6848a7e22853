using OrleansGateway.Errors;
using OrleansGateway.HttpApis;
using OrleansGateway.Patching;
using OrleansGateway.RestApis;
using OrleansGateway.Storage;

namespace OrleansGateway.VpcLinks;

/// <summary>The account's VPC links (see <see cref="IVpcLinkRegistryGrain"/>): stored as AWS answers them, written once per change.</summary>
public sealed class VpcLinkRegistryGrain(
    [PersistentState("state", StorageNames.Gateway)] IPersistentState<VpcLinkRegistryState> state) : Grain, IVpcLinkRegistryGrain
{
    // What AWS shows once a link is up; here a link is up as soon as it is stored, since nothing provisions it.
    private const string Available = "AVAILABLE";
    private const string ReadyMessage = "Your vpc link is ready for use";

    private static readonly PatchRule[] Rules = [new("/name", "replace"), new("/description", "replace")];

    private Dictionary<string, VpcLink> Links => state.State.Links;

    public async Task<VpcLink> Create(VpcLinkInput input)
    {
        if (string.IsNullOrEmpty(input.Name))
        {
            throw ApiGatewayException.BadRequest("Name is required for a VPC link");
        }

        if (input.TargetArns is not { Count: > 0 })
        {
            throw ApiGatewayException.BadRequest("At least one target ARN is required for a VPC link");
        }

        var link = new VpcLink
        {
            Id = ResourceIds.Unique(ResourceIds.Part, Links.ContainsKey),
            Name = input.Name,
            Description = input.Description,
            TargetArns = input.TargetArns,
            Status = Available,
            StatusMessage = ReadyMessage,
            Tags = input.Tags ?? [],
        };
        Links[link.Id] = link;
        await state.WriteStateOrReloadAsync(this);
        return link;
    }

    public Task<VpcLink> Get(string vpcLinkId) => Task.FromResult(Find(vpcLinkId));

    public Task<List<VpcLink>> List() => Task.FromResult(Links.Values.OrderBy(l => l.Id, StringComparer.Ordinal).ToList());

    public async Task<VpcLink> Update(string vpcLinkId, List<PatchOperation> operations)
    {
        var link = Find(vpcLinkId);
        foreach (var operation in operations)
        {
            JsonPatcher.Check(operation, Rules);
            link = operation.Path == "/name" ? link with { Name = operation.Value } : link with { Description = operation.Value };
        }

        Links[vpcLinkId] = link;
        await state.WriteStateOrReloadAsync(this);
        return link;
    }

    public async Task Delete(string vpcLinkId)
    {
        Find(vpcLinkId);
        Links.Remove(vpcLinkId);
        await state.WriteStateOrReloadAsync(this);
    }

    public async Task TagResource(string vpcLinkId, Dictionary<string, string> tags)
    {
        var link = Find(vpcLinkId);
        var merged = new Dictionary<string, string>(link.Tags ?? [], StringComparer.Ordinal);
        foreach (var (name, value) in tags)
        {
            merged[name] = value;
        }

        Links[vpcLinkId] = link with { Tags = merged };
        await state.WriteStateOrReloadAsync(this);
    }

    public async Task UntagResource(string vpcLinkId, List<string> tagKeys)
    {
        var link = Find(vpcLinkId);
        Links[vpcLinkId] = link with { Tags = (link.Tags ?? []).Where(t => !tagKeys.Contains(t.Key)).ToDictionary(StringComparer.Ordinal) };
        await state.WriteStateOrReloadAsync(this);
    }

    private VpcLink Find(string vpcLinkId) =>
        Links.TryGetValue(vpcLinkId, out var link) ? link : throw ApiGatewayException.NotFound("Invalid VPC link identifier specified");
}
