using OrleansGateway.Mapping.HttpApi;

namespace OrleansGateway.Core.Tests.Mapping;

/// <summary>Headers as a case-insensitive multi-map, standing in for the outgoing request's.</summary>
internal sealed class RecordedHeaders : IHeaderMappingTarget
{
    public Dictionary<string, List<string>> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void Remove(string name) => Values.Remove(name);

    public void Overwrite(string name, string value) => Values[name] = [value];

    public void Append(string name, string value)
    {
        if (!Values.TryGetValue(name, out var list))
        {
            Values[name] = list = [];
        }

        list.Add(value);
    }
}
