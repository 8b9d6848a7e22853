using System.Collections.Frozen;
using System.Globalization;

namespace OrleansGateway.Mapping.HttpApi;

/// <summary>
/// An integration's compiled <c>responseParameters</c>: for each status code the integration may
/// answer with, header mappings and an optional <c>overwrite:statuscode</c>.
/// </summary>
public sealed class HttpApiResponseMapping
{
    public static readonly HttpApiResponseMapping Empty = new(FrozenDictionary<int, Rules>.Empty);

    private readonly FrozenDictionary<int, Rules> _byStatus;

    private HttpApiResponseMapping(FrozenDictionary<int, Rules> byStatus) => _byStatus = byStatus;

    public bool IsEmpty => _byStatus.Count == 0;

    /// <summary>Whether the rules for <paramref name="statusCode"/> read <c>$response.body</c>: the body is then buffered.</summary>
    public bool ReadsBody(int statusCode) => _byStatus.TryGetValue(statusCode, out var rules) && rules.ReadsBody;

    public static HttpApiResponseMapping Compile(
        IReadOnlyDictionary<string, Dictionary<string, string>>? responseParameters,
        IReadOnlyDictionary<string, string>? stageVariables) =>
        Compile(responseParameters, stageVariables, faults: null);

    /// <summary>The first reason the control plane refuses <paramref name="responseParameters"/>, or null: what compiling would leave out.</summary>
    public static string? Validate(IReadOnlyDictionary<string, Dictionary<string, string>>? responseParameters)
    {
        var faults = new List<string>();
        Compile(responseParameters, null, faults);
        return faults.Count > 0 ? faults[0] : null;
    }

    /// <summary>
    /// Compiles <paramref name="responseParameters"/>; status codes outside 200–599 and keys that
    /// are not response mappings are left out, and said why in <paramref name="faults"/>.
    /// </summary>
    public static HttpApiResponseMapping Compile(
        IReadOnlyDictionary<string, Dictionary<string, string>>? responseParameters,
        IReadOnlyDictionary<string, string>? stageVariables,
        ICollection<string>? faults)
    {
        if (responseParameters is null || responseParameters.Count == 0)
        {
            return Empty;
        }

        var byStatus = new Dictionary<int, Rules>();
        foreach (var (status, parameters) in responseParameters)
        {
            if (!int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code is < 200 or > 599 || parameters is null)
            {
                faults?.Add(ParameterMappingRule.InvalidMapping($"Invalid response status code {status}: response parameters are keyed by a status code from 200 to 599"));
                continue;
            }

            var headers = new List<ParameterMappingRule>();
            MappingValue? statusCode = null;
            foreach (var (key, value) in parameters)
            {
                if (!ParameterMappingRule.TryParse(key, value, stageVariables, out var rule, out var error))
                {
                    faults?.Add(error);
                    continue;
                }

                if (rule.Target == MappingTarget.Header)
                {
                    headers.Add(rule);
                }
                else if (rule.Target == MappingTarget.StatusCode)
                {
                    statusCode = rule.Value;
                }
                else
                {
                    faults?.Add(ParameterMappingRule.InvalidMapping($"Invalid mapping key {key}: a response maps headers and the status code only"));
                }
            }

            byStatus[code] = new Rules(HttpApiRequestMapping.Ordered(headers), statusCode);
        }

        return new HttpApiResponseMapping(byStatus.ToFrozenDictionary());
    }

    /// <summary>
    /// Applies the mappings for <paramref name="statusCode"/> to <paramref name="headers"/> and
    /// returns the status code the client gets (the integration's, unless overwritten with a valid one).
    /// </summary>
    public int Apply(int statusCode, IMappingValueSource source, IHeaderMappingTarget headers)
    {
        if (!_byStatus.TryGetValue(statusCode, out var rules))
        {
            return statusCode;
        }

        HttpApiRequestMapping.Apply(rules.Headers, source, headers);
        if (rules.StatusCode is { } mapped
            && int.TryParse(mapped.Evaluate(source), NumberStyles.None, CultureInfo.InvariantCulture, out var overwritten)
            && overwritten is >= 100 and <= 599)
        {
            return overwritten;
        }

        return statusCode;
    }

    private sealed record Rules(ParameterMappingRule[] Headers, MappingValue? StatusCode)
    {
        public bool ReadsBody { get; } =
            Array.Exists(Headers, rule => rule.Value.Reads(MappingVariableKind.ResponseBody))
            || StatusCode?.Reads(MappingVariableKind.ResponseBody) == true;
    }
}
