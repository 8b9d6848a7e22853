namespace OrleansGateway.Mapping.HttpApi;

/// <summary>The headers a mapping changes: the outgoing integration request or the client's response.</summary>
public interface IHeaderMappingTarget
{
    void Remove(string name);

    void Overwrite(string name, string value);

    void Append(string name, string value);
}
