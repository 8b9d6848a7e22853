using System.Security.Cryptography;
using System.Text;
using OrleansGateway.Mapping.Parameters;

namespace OrleansGateway.RestApis;

/// <summary>
/// A response cache key as AWS builds it: the method, the resource's template path and the values of
/// the integration's <c>cacheKeyParameters</c> (so <c>/pets?page=2</c> and <c>/pets?page=3</c> share an
/// entry unless <c>page</c> is a key parameter), hashed so a client cannot make the key large.
/// </summary>
public static class RestCacheKey
{
    public static string Hash(string httpMethod, string resourcePath, IReadOnlyList<string> keyParameters, MethodRequestData request)
    {
        var text = new StringBuilder().Append(httpMethod).Append('\n').Append(resourcePath);
        foreach (var parameter in keyParameters)
        {
            text.Append('\n').Append(parameter).Append('=').Append(Value(parameter, request));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string? Value(string parameter, MethodRequestData request)
    {
        const string prefix = "method.request.";
        if (!parameter.StartsWith(prefix, StringComparison.Ordinal) || parameter[prefix.Length..].Split('.', 2) is not [var where, var name])
        {
            return null;
        }

        return where switch
        {
            "path" => request.PathParameters.GetValueOrDefault(name),
            "querystring" => request.QueryString.TryGetValue(name, out var q) ? string.Join(',', q) : null,
            "header" => request.Headers.TryGetValue(name, out var h) ? string.Join(',', h) : null,
            _ => null,
        };
    }
}
