namespace OrleansGateway.Vtl.Values;

/// <summary>An element of <c>$map.entrySet()</c>: <c>$e.key</c>, <c>$e.value</c>, printed as <c>key=value</c>.</summary>
internal sealed class MapEntry(object? key, object? value) : IVtlHostObject
{
    public object? Key { get; } = key;

    public object? Value { get; } = value;

    public bool TryGetProperty(string name, out object? value)
    {
        switch (name)
        {
            case "key":
                value = Key;
                return true;
            case "value":
                value = Value;
                return true;
            default:
                value = null;
                return false;
        }
    }

    public bool TryInvoke(string name, ReadOnlySpan<object?> arguments, out object? result)
    {
        result = null;
        if (arguments.Length != 0)
        {
            return false;
        }

        switch (name)
        {
            case "getKey":
                result = Key;
                return true;
            case "getValue":
                result = Value;
                return true;
            case "toString":
                result = ToJavaString();
                return true;
            default:
                return false;
        }
    }

    public string ToJavaString() => JavaFormatter.ToJavaString(Key) + "=" + JavaFormatter.ToJavaString(Value);
}
