using System.Text;
using OrleansGateway.ApiKeys;
using OrleansGateway.Edge.ApiKeys;
using OrleansGateway.Edge.Caching;
using OrleansGateway.Mapping.GatewayResponses;
using OrleansGateway.Mapping.Parameters;
using OrleansGateway.Mapping.Selection;
using OrleansGateway.Mapping.Templates;
using OrleansGateway.RestApis;
using OrleansGateway.Throttling;

namespace OrleansGateway.Edge.DataPlane.Rest;

/// <summary>
/// A REST API call, in the order of AWS's "method request → integration request → integration →
/// integration response → method response": find the stage's table (and the canary's share) →
/// method request (match the resource and method, authorization, API key, method/stage/account
/// throttles, payload limit, read the body, validate) → integration request (parameters, template,
/// passthrough) → integration (MOCK, HTTP, HTTP_PROXY) → integration response (selection pattern,
/// parameters, template) → method response (binary, compression), with the stage's response cache
/// between the method request and the integration request (<see cref="RestResponseCache"/>). Each step returns a <see cref="GatewayError"/> or null to go on;
/// every error is answered through the API's gateway responses. Tables come from
/// <see cref="RestTableCache"/>, so once warm no step calls a grain. AWS buffers REST payloads in
/// both directions (10 MB), and so does this pipeline.
/// </summary>
public sealed partial class RestPipeline(
    RestTableCache tables, RestIntegrationClient integrations, RequestThrottle throttle, ApiKeyAdmission apiKeys, RestResponseCache cache,
    DataPlaneOptions options, ILogger<RestPipeline> logger)
{
    public async Task ServeAsync(HttpContext http, RestInvocation invocation)
    {
        // 1. The stage's deployment, or the canary's for its share of requests.
        var stage = await tables.GetAsync(invocation.ApiId, invocation.StageName);
        if (stage?.Select(Random.Shared.NextDouble() * 100) is not { } table)
        {
            await RestResponseWriter.WriteAsync(http, Forbidden(), invocation.RequestId, null);
            return;
        }

        if (invocation.ViaExecuteApiEndpoint && table.DisableExecuteApiEndpoint)
        {
            await RestResponseWriter.WriteAsync(http, Forbidden(), invocation.RequestId, null);
            return;
        }

        // REST request IDs are UUIDs on AWS; the edge's short ID becomes $context.extendedRequestId.
        var request = new RestRequest(http, invocation with { RequestId = RequestIds.NextUuid() }, table) { ExtendedRequestId = invocation.RequestId };
        var response = await RunAsync(request);
        await RestResponseWriter.WriteAsync(http, response, request.Invocation.RequestId, table.MinimumCompressionSize);
    }

    /// <summary>Runs one request through every step and gives the answer (TestInvokeMethod calls this too).</summary>
    public async Task<RestResponse> RunAsync(RestRequest request)
    {
        try
        {
            if (await MethodRequestAsync(request) is { } refused)
            {
                return GatewayResponse(request, refused);
            }

            // Cache lookup: a fresh entry answers without the integration request, integration or
            // integration response (AWS caches what those produce).
            var cached = await cache.LookupAsync(request);
            if (cached.Refusal is { } refusal)
            {
                return GatewayResponse(request, refusal);
            }

            if (cached.Answer is { } hit)
            {
                return hit;
            }

            // 3-6. Integration, then the cache store step for a method with caching on.
            return await cache.StoreAsync(request, cached, await IntegrationAsync(request));
        }
        catch (Exception e) when (!request.Http.RequestAborted.IsCancellationRequested)
        {
            Log.Unhandled(logger, request.Invocation.ApiId, request.Invocation.StageName, e);
            return GatewayResponse(request, GatewayError.InternalServerError());
        }
    }

    // 2. Method request: resource and method, authorization, API key, throttles, payload limit, body, validation.
    private async Task<GatewayError?> MethodRequestAsync(RestRequest request)
    {
        var http = request.Http.Request;
        // $context is built when first read (RestRequest.Context): without a resource for the 403, else with
        // the matched method's and the API key's; a cache hit never reads it.
        if (request.Table.Resources.Match(http.Method, request.Invocation.ResourcePath.Span) is not { } match)
        {
            return new GatewayError(GatewayResponseType.MissingAuthenticationToken, "Missing Authentication Token");
        }

        request.Match = match;
        // The key is looked up before $context is built, so $context.identity.apiKey(Id) carry it.
        if (match.Method.ApiKeyRequired && !request.Invocation.IsTestInvocation)
        {
            request.ApiKey = await FindApiKeyAsync(request);
        }

        if (!request.Invocation.IsTestInvocation && Authorize(request, match.Method) is { } denied)
        {
            return denied;
        }

        if (!request.Invocation.IsTestInvocation && CheckApiKey(request, match.Method) is { } refusedKey)
        {
            return refusedKey;
        }

        // Per-client throttle (the plan's per-method throttle for this method, else the plan's), then quota.
        if (request.ApiKeyPlan is { } plan)
        {
            switch (await apiKeys.MeterAsync(plan, plan.MethodThrottle(match.Method.ResourcePath, match.Method.HttpMethod)))
            {
                case ApiKeyVerdict.Throttled:
                    return Throttled();
                case ApiKeyVerdict.QuotaExceeded:
                    return QuotaExceeded();
            }
        }

        if (!request.Invocation.IsTestInvocation && !await throttle.AdmitAsync(match.Method.Throttle))
        {
            return Throttled();
        }

        if (http.ContentLength > options.MaxPayloadBytes)
        {
            return RequestTooLarge();
        }

        if (await ReadBodyAsync(request) is { } unreadable)
        {
            return unreadable;
        }

        request.Data = MethodRequest(request, match);
        if (match.Method.Validator is { } validator
            && request.Table.RequestValidator.Validate(validator, match.Method.Rules, request.Data) is { } invalid)
        {
            return invalid.ToGatewayError();
        }

        return null;
    }

    /// <summary>
    /// Methods whose authorizer this gateway cannot run yet answer as AWS answers a request that
    /// does not satisfy them, never as if they were open (the HTTP API pipeline's rule): AWS_IAM
    /// without a signature is a missing token, with one it is denied (IAM policies are not
    /// evaluated); CUSTOM and COGNITO_USER_POOLS without the Authorization header are 401, with it
    /// 500 (the authorizer cannot be invoked). A method that requires an API key is refused 403
    /// Forbidden by the API key step when its key does not check out.
    /// </summary>
    private static GatewayError? Authorize(RestRequest request, RestMethodEntry method)
    {
        var hasAuthorization = request.Http.Request.Headers.Authorization.Count > 0;
        switch (method.AuthorizationType)
        {
            case RestMethodEntry.NoAuthorization:
                break;
            case "AWS_IAM":
                return hasAuthorization
                    ? new GatewayError(GatewayResponseType.AccessDenied, "Forbidden")
                    : new GatewayError(GatewayResponseType.MissingAuthenticationToken, "Missing Authentication Token");
            default:
                return hasAuthorization
                    ? new GatewayError(GatewayResponseType.AuthorizerConfigurationError, "Internal server error")
                    : new GatewayError(GatewayResponseType.Unauthorized, "Unauthorized");
        }

        return null;
    }

    /// <summary>
    /// The key the client sent, from the edge's key table (no grain call once loaded). With
    /// <c>apiKeySource</c> <c>AUTHORIZER</c> the key is the Lambda authorizer's
    /// <c>usageIdentifierKey</c>, which this gateway cannot run yet: no key is found.
    /// </summary>
    private ValueTask<ApiKeyEntry?> FindApiKeyAsync(RestRequest request) =>
        request.Table.ApiKeySource == RestStageTable.HeaderApiKeySource ? apiKeys.FindAsync(request.Http.Request) : ValueTask.FromResult<ApiKeyEntry?>(null);

    /// <summary>
    /// API key: a method with <c>apiKeyRequired</c> needs an enabled key in a usage plan covering
    /// this API stage, else 403 <c>{"message":"Forbidden"}</c> (the <c>INVALID_API_KEY</c> gateway
    /// response), whatever is wrong with it, as AWS answers.
    /// </summary>
    private static GatewayError? CheckApiKey(RestRequest request, RestMethodEntry method)
    {
        if (!method.ApiKeyRequired)
        {
            return null;
        }

        if (ApiKeyAdmission.PlanFor(request.ApiKey, request.Invocation.ApiId, request.Invocation.StageName) is not { } plan)
        {
            return new GatewayError(GatewayResponseType.InvalidApiKey, "Forbidden");
        }

        request.ApiKeyPlan = plan;
        return null;
    }

    /// <summary>
    /// Over the method's throttle (its method setting, else the stage's <c>*/*</c>) or the account's:
    /// the <c>THROTTLED</c> gateway response, 429 unless the API customised it. Test invocations are
    /// never throttled.
    /// </summary>
    private static GatewayError Throttled() => new(GatewayResponseType.Throttled, "Too Many Requests");

    /// <summary>The key's usage plan quota is used up for this period: the <c>QUOTA_EXCEEDED</c> gateway response.</summary>
    private static GatewayError QuotaExceeded() => new(GatewayResponseType.QuotaExceeded, "Limit Exceeded");

    private async Task<GatewayError?> ReadBodyAsync(RestRequest request)
    {
        var http = request.Http.Request;
        try
        {
            if (await BoundedBody.ReadAsync(http.Body, http.ContentLength, options.MaxPayloadBytes, request.Http.RequestAborted) is not { } body)
            {
                return RequestTooLarge();
            }

            request.RawBody = body;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return RequestTooLarge();
        }

        // The integration's contentHandling decides what templates see as $input.body: a binary body
        // converted to text is its Base64.
        request.IsBinary = BinaryMediaTypes.Matches(request.Table.BinaryMediaTypes, http.ContentType);
        request.Conversion = ContentHandling.ForRequest(request.Match!.Method.Integration?.ContentHandling, request.IsBinary);
        request.BodyText = request.RawBody.Length == 0 ? null
            : request.Conversion == PayloadConversion.ToBase64Text ? Convert.ToBase64String(request.RawBody)
            : Encoding.UTF8.GetString(request.RawBody);
        return null;
    }

    // 3-5. Integration request, integration, integration response.
    private async Task<RestResponse> IntegrationAsync(RestRequest request)
    {
        var method = request.Match!.Method;
        if (method.Integration is not { IsSupported: true } integration)
        {
            // Why it cannot be called was logged once, when the table was compiled.
            return GatewayResponse(request, GatewayError.InternalServerError());
        }

        var stageVariables = request.Table.StageVariables;
        if (integration.IsProxy)
        {
            var parameters = integration.Parameters.Map(new ParameterInputs { Request = request.Data, Context = request.Context, StageVariables = stageVariables });
            if (parameters.Error is not null)
            {
                return GatewayResponse(request, parameters.Error);
            }

            var proxied = await integrations.SendAsync(request, integration, parameters, request.RawBody, proxy: true);
            return proxied.Error is { } proxyError ? GatewayResponse(request, proxyError) : proxied.Response!;
        }

        // 3. Integration request: template (or passthrough), then the request's content type conversion.
        var mapped = integration.RequestMapper!.Map(request.Data, request.Context, stageVariables);
        if (mapped.Error is not null)
        {
            if (mapped.LogMessage is not null)
            {
                Log.MappingFailed(logger, request.Invocation.ApiId, request.Invocation.StageName, mapped.LogMessage);
            }

            return GatewayResponse(request, mapped.Error);
        }

        if (IntegrationRequestBody(request, mapped.Body) is not { } body)
        {
            Log.MappingFailed(logger, request.Invocation.ApiId, request.Invocation.StageName, "Execution failed: the request body is not valid Base64 (contentHandling CONVERT_TO_BINARY)");
            return GatewayResponse(request, GatewayError.ApiConfigurationError());
        }

        // 4. Integration: MOCK answers with the status its template names; HTTP calls the backend.
        IntegrationResponseData response;
        byte[] responseBytes;
        if (integration.IsMock)
        {
            response = new IntegrationResponseData { StatusCode = MockIntegrationStatus.From(mapped.Body) };
            responseBytes = [];
        }
        else
        {
            var sent = await integrations.SendAsync(request, integration, mapped.Parameters, body, proxy: false);
            if (sent.Error is { } error)
            {
                return GatewayResponse(request, error);
            }

            responseBytes = sent.Response!.Body.ToArray();
            response = new IntegrationResponseData
            {
                StatusCode = sent.Response.StatusCode,
                Headers = sent.Response.Headers.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)[h.Value], StringComparer.OrdinalIgnoreCase),
            };
        }

        // 5. Integration response: the one the status selects; its contentHandling decides whether the
        // backend's body is read as Base64 of its bytes, then parameters and template.
        var outcome = IntegrationOutcome.Status(response.StatusCode);
        var conversion = ResponseConversion(request, integration.ResponseMapper!.Select(outcome), response);
        response = response with
        {
            Body = conversion == PayloadConversion.ToBase64Text ? Convert.ToBase64String(responseBytes) : Encoding.UTF8.GetString(responseBytes),
        };
        var result = integration.ResponseMapper.Map(outcome, response, request.Data, request.Context, stageVariables);
        if (result.Error is not null)
        {
            if (result.LogMessage is not null)
            {
                Log.MappingFailed(logger, request.Invocation.ApiId, request.Invocation.StageName, result.LogMessage);
            }

            return GatewayResponse(request, result.Error);
        }

        // 6. Method response: a body no template or conversion touched goes back as the backend sent it.
        var bytes = conversion switch
        {
            PayloadConversion.FromBase64Text => FromBase64(result.Body),
            _ when ReferenceEquals(result.Body, response.Body) && conversion == PayloadConversion.None => responseBytes,
            _ => Encoding.UTF8.GetBytes(result.Body ?? string.Empty),
        };
        if (bytes is null)
        {
            Log.MappingFailed(logger, request.Invocation.ApiId, request.Invocation.StageName, "Execution failed: the response body is not valid Base64 (contentHandling CONVERT_TO_BINARY)");
            return GatewayResponse(request, GatewayError.ApiConfigurationError());
        }

        var headers = new Dictionary<string, string>(result.Headers, StringComparer.OrdinalIgnoreCase);
        headers.TryAdd("Content-Type", "application/json");
        return new RestResponse(result.StatusCode, headers, bytes);
    }

    /// <summary>
    /// AWS's request table: a binary body nobody converted or templated passes byte for byte; one
    /// CONVERT_TO_BINARY applies to is decoded from Base64 (null when it is not Base64); anything
    /// else goes as UTF-8 text.
    /// </summary>
    private static byte[]? IntegrationRequestBody(RestRequest request, string? mappedBody) => request.Conversion switch
    {
        PayloadConversion.FromBase64Text => FromBase64(mappedBody),
        PayloadConversion.None when request.IsBinary && ReferenceEquals(mappedBody, request.BodyText) => request.RawBody,
        _ => Encoding.UTF8.GetBytes(mappedBody ?? string.Empty),
    };

    /// <summary>
    /// AWS's response table: the backend's body is binary when its Content-Type is one of the API's
    /// binary media types, and the client wants binary when its first Accept type is. A client that
    /// sends no Accept states no preference (the table has no such row): the body stays what it is.
    /// </summary>
    private static PayloadConversion ResponseConversion(RestRequest request, IntegrationResponseDefinition? selected, IntegrationResponseData response)
    {
        var binaryTypes = request.Table.BinaryMediaTypes;
        var contentType = response.Headers.TryGetValue("Content-Type", out var values) ? values[0] : null;
        var payloadIsBinary = BinaryMediaTypes.Matches(binaryTypes, contentType);
        var accept = request.Http.Request.Headers.Accept.ToString();
        return ContentHandling.ForResponse(selected?.ContentHandling, payloadIsBinary,
            acceptIsBinary: accept.Length == 0 ? payloadIsBinary : BinaryMediaTypes.Matches(binaryTypes, accept.Split(',', 2)[0]));
    }

    private static byte[]? FromBase64(string? text)
    {
        try
        {
            return Convert.FromBase64String(text ?? string.Empty);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private RestResponse GatewayResponse(RestRequest request, GatewayError error)
    {
        var rendered = request.Table.GatewayResponses.Render(error, new ParameterInputs
        {
            Request = request.Data,
            Context = request.Context,
            StageVariables = request.Table.StageVariables,
        });
        var headers = new Dictionary<string, string>(rendered.Headers, StringComparer.OrdinalIgnoreCase);
        headers.TryAdd("Content-Type", "application/json");
        return new RestResponse(rendered.StatusCode, headers, Encoding.UTF8.GetBytes(rendered.Body));
    }

    private static MethodRequestData MethodRequest(RestRequest request, RestResourceMatch match)
    {
        var http = request.Http.Request;
        var query = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in http.Query)
        {
            query[name] = values.Where(v => v is not null).Select(v => v!).ToList();
        }

        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in http.Headers)
        {
            headers[name] = values.Where(v => v is not null).Select(v => v!).ToList();
        }

        return new MethodRequestData { PathParameters = match.PathParameters, QueryString = query, Headers = headers, Body = request.BodyText };
    }

    /// <summary><c>$context</c> as AWS fills it for REST APIs.</summary>
    private static GatewayError RequestTooLarge() => new(GatewayResponseType.RequestTooLarge, "Request Entity Too Large");

    // A stage that does not exist, or a disabled execute-api endpoint: AWS answers a bare 403.
    private static RestResponse Forbidden() =>
        new(StatusCodes.Status403Forbidden, new Dictionary<string, string> { ["Content-Type"] = "application/json", ["x-amzn-ErrorType"] = "ForbiddenException" },
            """{"message":"Forbidden"}"""u8.ToArray());

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "REST data plane failed on {ApiId}/{StageName}")]
        public static partial void Unhandled(ILogger logger, string apiId, string stageName, Exception exception);

        [LoggerMessage(2, LogLevel.Warning, "REST {ApiId}/{StageName}: {Message}")]
        public static partial void MappingFailed(ILogger logger, string apiId, string stageName, string message);
    }
}
