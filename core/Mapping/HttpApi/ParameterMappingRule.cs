namespace OrleansGateway.Mapping.HttpApi;

/// <summary>One compiled entry of an integration's <c>requestParameters</c> or <c>responseParameters</c>.</summary>
public sealed record ParameterMappingRule(MappingAction Action, MappingTarget Target, string Name, MappingValue Value)
{
    /// <summary>
    /// Reads a key such as <c>append:header.x-id</c>, <c>overwrite:querystring.q</c>, <c>overwrite:path</c> or
    /// <c>overwrite:statuscode</c>; false for anything else, and for reserved headers AWS refuses to map.
    /// </summary>
    public static bool TryParse(string key, string value, IReadOnlyDictionary<string, string>? stageVariables, out ParameterMappingRule rule)
    {
        rule = null!;
        var colon = key.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        MappingAction action;
        switch (key[..colon])
        {
            case "append": action = MappingAction.Append; break;
            case "overwrite": action = MappingAction.Overwrite; break;
            case "remove": action = MappingAction.Remove; break;
            default: return false;
        }

        var location = key[(colon + 1)..];
        MappingTarget target;
        string name;
        if (location.StartsWith("header.", StringComparison.Ordinal))
        {
            target = MappingTarget.Header;
            name = location["header.".Length..];
            if (name.Length == 0 || ReservedHeaders.IsReserved(name))
            {
                return false;
            }
        }
        else if (location.StartsWith("querystring.", StringComparison.Ordinal))
        {
            target = MappingTarget.QueryString;
            name = location["querystring.".Length..];
            if (name.Length == 0)
            {
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
            return false;
        }

        rule = new ParameterMappingRule(action, target, name, MappingValue.Parse(value, stageVariables));
        return true;
    }
}
