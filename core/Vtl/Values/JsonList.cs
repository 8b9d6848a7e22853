namespace OrleansGateway.Vtl.Values;

/// <summary>
/// A JSON array as API Gateway's JSONPath (Jayway, with json-smart's ordered mapper) hands it to a template:
/// net.minidev.json.JSONArray, an ArrayList whose toString() is the array's own JSON text in json-smart's
/// default style, while a JSON object is a plain LinkedHashMap that prints as <c>{a=1, b=[{"c":5}]}</c>.
/// Lists a template builds itself (<c>[1, 2]</c>) stay ArrayLists and print Java's way.
/// </summary>
internal sealed class JsonList : List<object?>
{
    public JsonList(int capacity)
        : base(capacity)
    {
    }

    public JsonList(IEnumerable<object?> items)
        : base(items)
    {
    }
}
