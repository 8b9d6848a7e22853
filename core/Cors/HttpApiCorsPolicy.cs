using System.Globalization;
using OrleansGateway.HttpApis;
using OrleansGateway.Mapping.HttpApi;

namespace OrleansGateway.Cors;

/// <summary>
/// An HTTP API's <c>CorsConfiguration</c>, compiled once per deployment into the header values
/// the gateway sends: it answers preflight requests itself and decorates actual responses,
/// ignoring any CORS headers the integration returns (as AWS does for HTTP APIs).
/// </summary>
public sealed class HttpApiCorsPolicy
{
    private readonly string[] _origins;
    private readonly bool _anyOrigin;

    private HttpApiCorsPolicy(CorsConfiguration configuration, List<string> faults)
    {
        _origins = [.. configuration.AllowOrigins ?? []];
        _anyOrigin = Array.IndexOf(_origins, "*") >= 0;
        AllowCredentials = configuration.AllowCredentials == true;
        AllowMethods = Join("allowMethods", configuration.AllowMethods, faults);
        AllowHeaders = Join("allowHeaders", configuration.AllowHeaders, faults);
        ExposeHeaders = Join("exposeHeaders", configuration.ExposeHeaders, faults);
        MaxAge = configuration.MaxAge is > 0 and var age ? age.ToString(CultureInfo.InvariantCulture) : null;
        Faults = faults;
    }

    /// <summary>Entries left out because they cannot be sent in a header (logged once by the edge).</summary>
    public IReadOnlyList<string> Faults { get; }

    public bool AllowCredentials { get; }

    /// <summary>Value of <c>Access-Control-Allow-Methods</c> on preflights, or null.</summary>
    public string? AllowMethods { get; }

    /// <summary>Value of <c>Access-Control-Allow-Headers</c> on preflights, or null.</summary>
    public string? AllowHeaders { get; }

    /// <summary>Value of <c>Access-Control-Expose-Headers</c> on actual responses, or null.</summary>
    public string? ExposeHeaders { get; }

    /// <summary>Value of <c>Access-Control-Max-Age</c> on preflights, or null.</summary>
    public string? MaxAge { get; }

    /// <summary>The policy for an API, or null when it has no CORS configuration.</summary>
    public static HttpApiCorsPolicy? Create(CorsConfiguration? configuration) =>
        configuration is null ? null : new HttpApiCorsPolicy(configuration, []);

    /// <summary>Why the control plane refuses <paramref name="configuration"/>'s methods and headers, or null: what the policy would leave out.</summary>
    public static string? Validate(CorsConfiguration? configuration) =>
        configuration is null ? null : new HttpApiCorsPolicy(configuration, []).Faults.FirstOrDefault();

    /// <summary>A CORS preflight: <c>OPTIONS</c> with <c>Origin</c> and <c>Access-Control-Request-Method</c>.</summary>
    public static bool IsPreflight(string method, string? origin, string? requestMethod) =>
        string.Equals(method, "OPTIONS", StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrEmpty(origin)
        && !string.IsNullOrEmpty(requestMethod);

    /// <summary>The answer names the request's own origin (not <c>*</c>), so caches must keep one per origin.</summary>
    public bool VariesByOrigin => !_anyOrigin;

    /// <summary>
    /// The <c>Access-Control-Allow-Origin</c> value for a request from <paramref name="origin"/>,
    /// or null when that origin is not allowed (the response then carries no CORS headers).
    /// </summary>
    public string? AllowOriginFor(string? origin)
    {
        if (string.IsNullOrEmpty(origin))
        {
            return null;
        }

        if (_anyOrigin)
        {
            return "*";
        }

        foreach (var allowed in _origins)
        {
            if (string.Equals(allowed, origin, StringComparison.OrdinalIgnoreCase))
            {
                return origin;
            }
        }

        return null;
    }

    // Methods and header names are tokens ("*" is one); anything else could not be written as a header.
    private static string? Join(string member, List<string>? values, List<string> faults)
    {
        if (values is not { Count: > 0 })
        {
            return null;
        }

        var kept = new List<string>(values.Count);
        foreach (var value in values)
        {
            if (HttpTokens.IsToken(value))
            {
                kept.Add(value);
            }
            else
            {
                faults.Add($"Invalid CORS configuration: {member} holds '{value}', which is not a method or header name");
            }
        }

        return kept.Count > 0 ? string.Join(',', kept) : null;
    }
}
