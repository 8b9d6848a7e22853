using OrleansGateway.ApiKeys;
using OrleansGateway.Mapping.Context;
using OrleansGateway.Mapping.Parameters;
using OrleansGateway.RestApis;

namespace OrleansGateway.Edge.DataPlane.Rest;

/// <summary>One REST request on its way through <see cref="RestPipeline"/>: what each step found so far.</summary>
public sealed class RestRequest(HttpContext http, RestInvocation invocation, RestStageTable table)
{
    public HttpContext Http { get; } = http;

    public RestInvocation Invocation { get; } = invocation;

    public RestStageTable Table { get; } = table;

    /// <summary><c>$context.extendedRequestId</c>; the request ID when none was given.</summary>
    public string? ExtendedRequestId { get; init; }

    public RestResourceMatch? Match { get; set; }

    /// <summary>The API key the client sent, when the method requires one and the key is known.</summary>
    public ApiKeyEntry? ApiKey { get; set; }

    /// <summary>The usage plan covering this API stage for <see cref="ApiKey"/>, once the key checked out.</summary>
    public ApiKeyPlanGrant? ApiKeyPlan { get; set; }

    /// <summary>The client's body as read (empty when it sent none); proxies stream it instead.</summary>
    public byte[] RawBody { get; set; } = [];

    /// <summary>The body as templates see it (base64 for a binary body converted to text).</summary>
    public string? BodyText { get; set; }

    /// <summary>The request's Content-Type is one of the API's binary media types.</summary>
    public bool IsBinary { get; set; }

    /// <summary>What the integration's <c>contentHandling</c> does to this body on its way to the integration.</summary>
    public PayloadConversion Conversion { get; set; }

    public MethodRequestData Data { get; set; } = new();

    /// <summary>
    /// <c>$context</c>, built when first read (a template, a parameter mapping or a gateway response),
    /// with the matched method's resource and the API key once those steps ran; a cache hit never
    /// builds it.
    /// </summary>
    public Dictionary<string, object?> Context => _context ??= BuildContext();

    public DateTimeOffset RequestTime { get; } = DateTimeOffset.UtcNow;

    private Dictionary<string, object?>? _context;

    private Dictionary<string, object?> BuildContext()
    {
        var method = Match?.Method;
        return ContextVariables.Rest(new RestContextInputs
        {
            ApiId = Invocation.ApiId,
            Stage = Invocation.StageName,
            RequestId = Invocation.RequestId,
            ExtendedRequestId = ExtendedRequestId ?? Invocation.RequestId,
            AccountId = HttpApis.ApiErrors.AccountId,
            DeploymentId = Table.DeploymentId,
            ResourceId = method?.ResourceId,
            ResourcePath = method?.ResourcePath,
            HttpMethod = Http.Request.Method,
            Path = Invocation.ContextPath,
            Protocol = Http.Request.Protocol,
            DomainName = Http.Request.Host.Host,
            RequestTime = RequestTime,
            IsCanaryRequest = Table.HasCanary ? Table.IsCanary : null,
            Identity = new CallerIdentity
            {
                SourceIp = Http.Connection.RemoteIpAddress?.ToString(),
                UserAgent = Http.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null,
                ApiKey = ApiKey?.Value,
                ApiKeyId = ApiKey?.Id,
            },
        });
    }
}
