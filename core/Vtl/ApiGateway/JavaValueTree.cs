using System.Collections;
using OrleansGateway.JsonPath;
using OrleansGateway.Vtl.Values;

namespace OrleansGateway.Vtl.ApiGateway;

/// <summary>JSONPath over the engine's Java-like values (maps, lists, boxed scalars).</summary>
internal sealed class JavaValueTree : IJsonTree<object?>
{
    public static bool IsObject(object? node) => node is IDictionary;

    public static bool IsArray(object? node) => node is IList;

    public static bool TryGetProperty(object? node, string name, out object? value)
    {
        if (node is IDictionary map && map.Contains(name))
        {
            value = map[name];
            return true;
        }

        value = null;
        return false;
    }

    public static int Length(object? node) => node is IList list ? list.Count : 0;

    public static object? Item(object? node, int index) => ((IList)node!)[index];

    public static IEnumerable<object?> Children(object? node) => node switch
    {
        IDictionary map => map.Values.Cast<object?>(),
        IList list => list.Cast<object?>(),
        _ => [],
    };

    public static object? Scalar(object? node) => JavaValues.Normalize(node) switch
    {
        null => null,
        string s => s,
        bool b => b,
        int i => (double)i,
        long l => (double)l,
        double d => d,
        IDictionary or IList => FilterValue.Structure,
        var other => JavaFormatter.ToJavaString(other),
    };
}
