using Microsoft.Extensions.Primitives;
using OrleansGateway.Mapping.HttpApi;

namespace OrleansGateway.Edge.DataPlane;

/// <summary>The client's response headers as a mapping target.</summary>
public sealed class ClientResponseHeaders(IHeaderDictionary headers) : IHeaderMappingTarget
{
    public void Remove(string name) => headers.Remove(name);

    public void Overwrite(string name, string value) => headers[name] = MappedHeaderValue.Clean(value);

    public void Append(string name, string value) => headers[name] = StringValues.Concat(headers[name], MappedHeaderValue.Clean(value));
}
