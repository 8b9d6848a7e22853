namespace OrleansGateway.Edge.ControlPlane.RestApis;

/// <summary>A resource apigateway's TagResource, UntagResource and GetTags reach through its ARN.</summary>
public interface IRestTaggable
{
    Task<Dictionary<string, string>> GetTags();

    Task Tag(Dictionary<string, string> tags);

    Task Untag(List<string> tagKeys);
}
