using System.Text.RegularExpressions;
using OrleansGateway.Errors;
using OrleansGateway.HttpApis;

namespace OrleansGateway.Edge.ControlPlane.HttpApis;

/// <summary>
/// apigatewayv2 TagResource, UntagResource and GetTags. The resource is named by its ARN,
/// <c>arn:aws:apigateway:{region}::/apis/{apiId}</c> or <c>.../apis/{apiId}/stages/{stageName}</c>;
/// the region and account are not checked, as a local gateway has only one of each.
/// </summary>
public static partial class TagEndpoints
{
    public static void Map(WireRouter router)
    {
        router.Map("GET", "/v2/tags/{resourceArn}", async request =>
        {
            var (api, stageName) = Resource(request);
            await request.WriteAsync(StatusCodes.Status200OK, new TagsBody(await api.GetTags(stageName)));
        });
        router.Map("POST", "/v2/tags/{resourceArn}", async request =>
        {
            var (api, stageName) = Resource(request);
            var body = await request.ReadBodyAsync<TagsBody>();
            await api.TagResource(stageName, body.Tags ?? []);
            await request.WriteAsync(StatusCodes.Status201Created, new { });
        });
        router.Map("DELETE", "/v2/tags/{resourceArn}", async request =>
        {
            var (api, stageName) = Resource(request);
            var keys = request.Context.Request.Query["tagKeys"];
            if (keys.Count == 0)
            {
                throw ApiGatewayException.BadRequest("Invalid request input: tagKeys is required");
            }

            await api.UntagResource(stageName, [.. keys.OfType<string>()]);
            await request.WriteNoContentAsync();
        });
    }

    private static (IApiGrain Api, string? StageName) Resource(WireRequest request)
    {
        var arn = request["resourceArn"];
        if (ResourceArn().Match(arn) is not { Success: true } match)
        {
            throw ApiGatewayException.BadRequest($"Invalid resource ARN specified: {arn}");
        }

        var stage = match.Groups["stage"];
        return (request.Grains.GetGrain<IApiGrain>(match.Groups["api"].Value), stage.Success ? stage.Value : null);
    }

    [GeneratedRegex(@"^arn:aws[\w-]*:apigateway:[\w-]*:[0-9]*:/apis/(?<api>[^/]+)(/stages/(?<stage>[^/]+))?$")]
    private static partial Regex ResourceArn();

    private sealed record TagsBody(Dictionary<string, string>? Tags)
    {
        public TagsBody()
            : this((Dictionary<string, string>?)null)
        {
        }
    }
}
