using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using OrleansGateway.Mapping.GatewayResponses;
using OrleansGateway.Mapping.Parameters;

namespace OrleansGateway.Mapping.Context;

/// <summary>
/// Builds the <c>$context</c> tree for one request with exactly the variable names AWS lists for
/// data transformations: REST in "Variables for data transformations for API Gateway", WebSocket in
/// "WebSocket API mapping template reference". Every listed variable is a key; one that does not
/// apply to the request holds null, which templates, parameter mappings and gateway responses all
/// render as nothing, as AWS does. Unlisted names are absent for the same result.
/// </summary>
public static partial class ContextVariables
{
    /// <summary>AWS's CLF time, always in UTC as API Gateway writes it.</summary>
    public const string RequestTimeFormat = "dd/MMM/yyyy:HH:mm:ss +0000";

    private static readonly JsonSerializerOptions Quoted = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// <c>$context.error.*</c>: <c>messageString</c> is the message as a JSON string literal, quotes
    /// included, so a gateway response body can embed it without further escaping.
    /// </summary>
    public static Dictionary<string, object?> Error(GatewayError? error) => new(StringComparer.Ordinal)
    {
        ["message"] = error?.Message,
        ["messageString"] = error is null ? null : JsonSerializer.Serialize(error.Message, Quoted),
        ["responseType"] = error?.Type.Name,
        ["validationErrorString"] = error?.ValidationErrorString,
    };

    public static string FormatRequestTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString(RequestTimeFormat, CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> Authorizer(AuthorizerOutput? output, bool withClaims)
    {
        var authorizer = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (output?.Context is { } values)
        {
            // AWS documents these as "the stringified value": numKey 1 reads "1", boolKey true reads "true".
            foreach (var (key, value) in values)
            {
                authorizer[key] = Stringify(value);
            }
        }

        authorizer["principalId"] = output?.PrincipalId;
        if (withClaims && output?.Claims is { } claims)
        {
            authorizer["claims"] = claims.ToDictionary(c => c.Key, c => (object?)c.Value, StringComparer.Ordinal);
        }

        return authorizer;
    }

    private static Dictionary<string, object?>? ClientCert(ClientCertificateInfo? certificate) => certificate is null
        ? null
        : new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["clientCertPem"] = certificate.ClientCertPem,
            ["issuerDN"] = certificate.IssuerDN,
            ["serialNumber"] = certificate.SerialNumber,
            ["subjectDN"] = certificate.SubjectDN,
            ["validity"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["notAfter"] = FormatCertificateTime(certificate.NotAfter),
                ["notBefore"] = FormatCertificateTime(certificate.NotBefore),
            },
        };

    /// <summary>OpenSSL's certificate time, <c>Aug  5 09:36:04 2021 GMT</c>, which is what AWS passes on.</summary>
    private static string FormatCertificateTime(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture,
            $"{utc.ToString("MMM", CultureInfo.InvariantCulture)} {utc.Day,2} {utc.ToString("HH:mm:ss yyyy", CultureInfo.InvariantCulture)} GMT");
    }

    private static string EventTypeName(WebSocketEventType type) => type switch
    {
        WebSocketEventType.Connect => "CONNECT",
        WebSocketEventType.Message => "MESSAGE",
        WebSocketEventType.Disconnect => "DISCONNECT",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static string? Stringify(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.String } text => text.GetString(),
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        JsonElement other => other.GetRawText(),
        _ => ContextTree.Format(value),
    };
}
