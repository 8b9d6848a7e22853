using OrleansGateway.RestApis;

namespace OrleansGateway.VpcLinks;

/// <summary>
/// The account's REST API VPC links (one grain, key 0), stored and answered as AWS answers them
/// (status <c>AVAILABLE</c>) but used by nothing: a self-hosted gateway has no VPC to reach, so
/// integrations refuse <c>connectionType</c> <c>VPC_LINK</c>. Errors are AWS's.
/// </summary>
[Alias("gw.IVpcLinkRegistryGrain")]
public interface IVpcLinkRegistryGrain : IGrainWithIntegerKey
{
    [Alias("Create")]
    Task<VpcLink> Create(VpcLinkInput input);

    /// <summary>The link; NotFound ("Invalid VPC link identifier specified") when it does not exist.</summary>
    [Alias("Get")]
    Task<VpcLink> Get(string vpcLinkId);

    [Alias("List")]
    Task<List<VpcLink>> List();

    /// <summary>UpdateVpcLink: replace /name or /description.</summary>
    [Alias("Update")]
    Task<VpcLink> Update(string vpcLinkId, List<PatchOperation> operations);

    [Alias("Delete")]
    Task Delete(string vpcLinkId);

    [Alias("TagResource")]
    Task TagResource(string vpcLinkId, Dictionary<string, string> tags);

    [Alias("UntagResource")]
    Task UntagResource(string vpcLinkId, List<string> tagKeys);
}
