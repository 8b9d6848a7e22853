namespace OrleansGateway.Mapping.HttpApi;

/// <summary>
/// An integration's compiled <c>requestParameters</c>. Every value is read from the request as the
/// client sent it, so the order of the rules does not change what they read; they are applied
/// removals first, then overwrites, then appends.
/// </summary>
public sealed class HttpApiRequestMapping
{
    public static readonly HttpApiRequestMapping Empty = new([], [], null);

    private readonly ParameterMappingRule[] _headers;
    private readonly ParameterMappingRule[] _query;

    private HttpApiRequestMapping(ParameterMappingRule[] headers, ParameterMappingRule[] query, MappingValue? path)
    {
        _headers = headers;
        _query = query;
        Path = path;
        ReadsBody = Array.Exists(headers, Reads) || Array.Exists(query, Reads) || path?.Reads(MappingVariableKind.RequestBody) == true;

        static bool Reads(ParameterMappingRule rule) => rule.Value.Reads(MappingVariableKind.RequestBody);
    }

    public bool HasHeaderRules => _headers.Length > 0;

    public bool HasQueryRules => _query.Length > 0;

    /// <summary>The <c>overwrite:path</c> value, if any.</summary>
    public MappingValue? Path { get; }

    /// <summary>Whether a rule reads <c>$request.body</c>: the data plane then buffers the body before forwarding it.</summary>
    public bool ReadsBody { get; }

    public bool IsEmpty => _headers.Length == 0 && _query.Length == 0 && Path is null;

    public static HttpApiRequestMapping Compile(IReadOnlyDictionary<string, string>? requestParameters, IReadOnlyDictionary<string, string>? stageVariables) =>
        Compile(requestParameters, stageVariables, faults: null);

    /// <summary>The first reason the control plane refuses <paramref name="requestParameters"/>, or null: what compiling would leave out.</summary>
    public static string? Validate(IReadOnlyDictionary<string, string>? requestParameters)
    {
        var faults = new List<string>();
        Compile(requestParameters, null, faults);
        return faults.Count > 0 ? faults[0] : null;
    }

    /// <summary>
    /// Compiles <paramref name="requestParameters"/>; keys that are not request mappings are left
    /// out, and said why in <paramref name="faults"/>.
    /// </summary>
    public static HttpApiRequestMapping Compile(IReadOnlyDictionary<string, string>? requestParameters, IReadOnlyDictionary<string, string>? stageVariables,
        ICollection<string>? faults)
    {
        if (requestParameters is null || requestParameters.Count == 0)
        {
            return Empty;
        }

        var headers = new List<ParameterMappingRule>();
        var query = new List<ParameterMappingRule>();
        MappingValue? path = null;
        foreach (var (key, value) in requestParameters)
        {
            if (!ParameterMappingRule.TryParse(key, value, stageVariables, out var rule, out var error))
            {
                faults?.Add(error);
                continue;
            }

            switch (rule.Target)
            {
                case MappingTarget.Header: headers.Add(rule); break;
                case MappingTarget.QueryString: query.Add(rule); break;
                case MappingTarget.Path: path = rule.Value; break;
                default:
                    faults?.Add(ParameterMappingRule.InvalidMapping($"Invalid mapping key {key}: a request cannot overwrite the status code"));
                    break;
            }
        }

        return new HttpApiRequestMapping(Ordered(headers), Ordered(query), path);
    }

    public void ApplyHeaders(IMappingValueSource source, IHeaderMappingTarget target) => Apply(_headers, source, target);

    public void ApplyQuery(IMappingValueSource source, QueryParameters query)
    {
        foreach (var rule in _query)
        {
            if (rule.Action == MappingAction.Remove)
            {
                query.Remove(rule.Name);
                continue;
            }

            var value = rule.Value.Evaluate(source);
            if (rule.Action == MappingAction.Overwrite)
            {
                query.Overwrite(rule.Name, value);
            }
            else
            {
                query.Append(rule.Name, value);
            }
        }
    }

    internal static void Apply(ParameterMappingRule[] rules, IMappingValueSource source, IHeaderMappingTarget target)
    {
        foreach (var rule in rules)
        {
            switch (rule.Action)
            {
                case MappingAction.Remove:
                    target.Remove(rule.Name);
                    break;
                case MappingAction.Overwrite:
                    target.Overwrite(rule.Name, rule.Value.Evaluate(source));
                    break;
                default:
                    target.Append(rule.Name, rule.Value.Evaluate(source));
                    break;
            }
        }
    }

    internal static ParameterMappingRule[] Ordered(List<ParameterMappingRule> rules)
    {
        rules.Sort((a, b) => a.Action != b.Action ? a.Action.CompareTo(b.Action) : string.CompareOrdinal(a.Name, b.Name));
        return [.. rules];
    }
}
