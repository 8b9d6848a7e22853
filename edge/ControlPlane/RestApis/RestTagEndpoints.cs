using OrleansGateway.Errors;

namespace OrleansGateway.Edge.ControlPlane.RestApis;

/// <summary>apigateway GetTags, TagResource (PUT, 204) and UntagResource (DELETE with <c>tagKeys</c>, 204) for any ARN <see cref="RestTagTargets"/> knows.</summary>
public static class RestTagEndpoints
{
    public static void Map(WireRouter router)
    {
        router.Map("GET", "/tags/{resource_arn}", async request =>
            await request.WriteOkAsync(new TagsBody { Tags = await Target(request).GetTags() }));
        router.Map("PUT", "/tags/{resource_arn}", async request =>
        {
            var body = await request.ReadRestBodyAsync<TagsBody>();
            await Target(request).Tag(body.Tags ?? []);
            await request.WriteNoContentAsync();
        });
        router.Map("DELETE", "/tags/{resource_arn}", async request =>
        {
            var keys = request.Context.Request.Query["tagKeys"];
            if (keys.Count == 0)
            {
                throw ApiGatewayException.BadRequest("Invalid request input: tagKeys is required");
            }

            await Target(request).Untag([.. keys.SelectMany(k => (k ?? string.Empty).Split(','))]);
            await request.WriteNoContentAsync();
        });
    }

    private static IRestTaggable Target(WireRequest request) => RestTagTargets.Resolve(request.Grains, request["resource_arn"]);

    private sealed record TagsBody
    {
        public Dictionary<string, string>? Tags { get; init; }
    }
}
