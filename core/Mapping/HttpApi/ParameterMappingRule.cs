namespace OrleansGateway.Mapping.HttpApi;

/// <summary>One compiled entry of an integration's <c>requestParameters</c> or <c>responseParameters</c>.</summary>
public sealed record ParameterMappingRule(MappingAction Action, MappingTarget Target, string Name, MappingValue Value)
{
    public static bool TryParse(string key, string value, IReadOnlyDictionary<string, string>? stageVariables, out ParameterMappingRule rule) =>
        TryParse(key, value, stageVariables, out rule, out _);

    /// <summary>
    /// Reads a key such as <c>append:header.x-id</c>, <c>overwrite:querystring.q</c>, <c>overwrite:path</c> or
    /// <c>overwrite:statuscode</c>; false for anything else, and for reserved headers AWS refuses to map,
    /// with <paramref name="error"/> in the words the control plane refuses it with.
    /// </summary>
    public static bool TryParse(string key, string value, IReadOnlyDictionary<string, string>? stageVariables,
        out ParameterMappingRule rule, out string error)
    {
        rule = null!;
        error = string.Empty;
        var colon = key.IndexOf(':');
        MappingAction action;
        switch (colon > 0 ? key[..colon] : string.Empty)
        {
            case "append": action = MappingAction.Append; break;
            case "overwrite": action = MappingAction.Overwrite; break;
            case "remove": action = MappingAction.Remove; break;
            default:
                error = InvalidMapping($"Invalid mapping key {key}: it must start with append:, overwrite: or remove:");
                return false;
        }

        var location = key[(colon + 1)..];
        MappingTarget target;
        string name;
        if (location.StartsWith("header.", StringComparison.Ordinal))
        {
            target = MappingTarget.Header;
            name = location["header.".Length..];
            if (!HttpTokens.IsToken(name))
            {
                error = InvalidMapping($"Invalid header name in mapping key {key}");
                return false;
            }

            if (ReservedHeaders.IsReserved(name))
            {
                error = InvalidMapping($"Operations on header {name} are restricted");
                return false;
            }
        }
        else if (location.StartsWith("querystring.", StringComparison.Ordinal))
        {
            target = MappingTarget.QueryString;
            name = location["querystring.".Length..];
            if (name.Length == 0)
            {
                error = InvalidMapping($"Invalid query string name in mapping key {key}");
                return false;
            }
        }
        else if (location == "path" && action == MappingAction.Overwrite)
        {
            (target, name) = (MappingTarget.Path, string.Empty);
        }
        else if (location == "statuscode" && action == MappingAction.Overwrite)
        {
            (target, name) = (MappingTarget.StatusCode, string.Empty);
        }
        else
        {
            error = InvalidMapping($"Invalid mapping key {key}: path and statuscode can only be overwritten; other locations are header.<name> and querystring.<name>");
            return false;
        }

        rule = new ParameterMappingRule(action, target, name, MappingValue.Parse(value, stageVariables));
        return true;
    }

    /// <summary>AWS's wording for a parameter mapping it refuses.</summary>
    public static string InvalidMapping(string detail) =>
        $"Invalid mapping expression specified: Validation Result: warnings : [], errors : [{detail}]";
}
