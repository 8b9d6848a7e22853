using System.Text.RegularExpressions;
using OrleansGateway.ApiKeys;
using OrleansGateway.DomainNames;
using OrleansGateway.Errors;
using OrleansGateway.RestApis;
using OrleansGateway.UsagePlans;
using OrleansGateway.VpcLinks;

namespace OrleansGateway.Edge.ControlPlane.RestApis;

/// <summary>
/// Which resource an apigateway tag ARN (<c>arn:aws:apigateway:{region}::/restapis/{id}[/stages/{name}]</c>)
/// names. The one place to add a taggable resource type: one line in <see cref="Targets"/>. The
/// region and account are not checked, as a local gateway has only one of each.
/// </summary>
public static partial class RestTagTargets
{
    /// <summary>The resource path of an ARN (after <c>::</c>) and the tags it stands for; the first match wins.</summary>
    private static readonly List<(Regex Path, Func<IGrainFactory, Match, IRestTaggable> Target)> Targets =
    [
        (new Regex("^/restapis/(?<api>[^/]+)/stages/(?<stage>[^/]+)$"), (grains, m) => new RestApiTags(grains.GetGrain<IRestApiGrain>(m.Groups["api"].Value), m.Groups["stage"].Value)),
        (new Regex("^/restapis/(?<api>[^/]+)$"), (grains, m) => new RestApiTags(grains.GetGrain<IRestApiGrain>(m.Groups["api"].Value), null)),
        (new Regex("^/usageplans/(?<plan>[^/]+)$"), (grains, m) => new UsagePlanTags(grains.GetGrain<IUsagePlanRegistryGrain>(0), m.Groups["plan"].Value)),
        (new Regex("^/apikeys/(?<key>[^/]+)$"), (grains, m) => new ApiKeyTags(grains.GetGrain<IApiKeyRegistryGrain>(0), m.Groups["key"].Value)),
        (new Regex("^/vpclinks/(?<link>[^/]+)$"), (grains, m) => new VpcLinkTags(grains.GetGrain<IVpcLinkRegistryGrain>(0), m.Groups["link"].Value)),
        (new Regex("^/domainnames/(?<name>[^/]+)$"), (grains, m) => new DomainNameTags(grains.GetGrain<IDomainNameRegistryGrain>(0), m.Groups["name"].Value)),
    ];

    public static IRestTaggable Resolve(IGrainFactory grains, string arn)
    {
        if (ArnPattern().Match(arn) is { Success: true } arnMatch)
        {
            foreach (var (path, target) in Targets)
            {
                if (path.Match(arnMatch.Groups["path"].Value) is { Success: true } match)
                {
                    return target(grains, match);
                }
            }
        }

        throw ApiGatewayException.BadRequest($"Invalid resource ARN specified: {arn}");
    }

    [GeneratedRegex(@"^arn:aws[\w-]*:apigateway:[\w-]*:[0-9]*:(?<path>/.+)$")]
    private static partial Regex ArnPattern();

    private sealed class RestApiTags(IRestApiGrain api, string? stageName) : IRestTaggable
    {
        public Task<Dictionary<string, string>> GetTags() => api.GetTags(stageName);

        public Task Tag(Dictionary<string, string> tags) => api.TagResource(stageName, tags);

        public Task Untag(List<string> tagKeys) => api.UntagResource(stageName, tagKeys);
    }

    private sealed class ApiKeyTags(IApiKeyRegistryGrain keys, string apiKeyId) : IRestTaggable
    {
        public async Task<Dictionary<string, string>> GetTags() => (await keys.Get(apiKeyId)).Tags ?? [];

        public Task Tag(Dictionary<string, string> tags) => keys.TagResource(apiKeyId, tags);

        public Task Untag(List<string> tagKeys) => keys.UntagResource(apiKeyId, tagKeys);
    }

    private sealed class UsagePlanTags(IUsagePlanRegistryGrain plans, string usagePlanId) : IRestTaggable
    {
        public async Task<Dictionary<string, string>> GetTags() => (await plans.Get(usagePlanId)).Tags ?? [];

        public Task Tag(Dictionary<string, string> tags) => plans.TagResource(usagePlanId, tags);

        public Task Untag(List<string> tagKeys) => plans.UntagResource(usagePlanId, tagKeys);
    }

    private sealed class VpcLinkTags(IVpcLinkRegistryGrain links, string vpcLinkId) : IRestTaggable
    {
        public async Task<Dictionary<string, string>> GetTags() => (await links.Get(vpcLinkId)).Tags ?? [];

        public Task Tag(Dictionary<string, string> tags) => links.TagResource(vpcLinkId, tags);

        public Task Untag(List<string> tagKeys) => links.UntagResource(vpcLinkId, tagKeys);
    }

    private sealed class DomainNameTags(IDomainNameRegistryGrain domainNames, string domainName) : IRestTaggable
    {
        public async Task<Dictionary<string, string>> GetTags() => (await domainNames.GetDomainName(domainName)).Tags ?? [];

        public Task Tag(Dictionary<string, string> tags) => domainNames.TagDomainName(domainName, tags);

        public Task Untag(List<string> tagKeys) => domainNames.UntagDomainName(domainName, tagKeys);
    }
}
