using OrleansGateway.Mapping.HttpApi;

namespace OrleansGateway.Edge.DataPlane;

/// <summary>The outgoing integration request's headers as a mapping target; content headers live on its content.</summary>
public sealed class ProxyRequestHeaders(HttpRequestMessage request) : IHeaderMappingTarget
{
    public void Remove(string name)
    {
        request.Headers.Remove(name);
        request.Content?.Headers.Remove(name);
    }

    public void Overwrite(string name, string value)
    {
        Remove(name);
        Append(name, value);
    }

    public void Append(string name, string value)
    {
        value = MappedHeaderValue.Clean(value);
        if (!request.Headers.TryAddWithoutValidation(name, value))
        {
            request.Content?.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
