using System.Text;
using System.Text.Json;
using OrleansGateway.Mapping.Context;
using OrleansGateway.Mapping.Parameters;
using OrleansGateway.Mapping.Selection;
using OrleansGateway.Mapping.Templates;
using OrleansGateway.Throttling;

namespace OrleansGateway.WebSockets;

/// <summary>
/// Runs one event of a connection through its stage's routes, in AWS's order: route selection, the
/// route's and the account's throttles (a connect or message over them is answered 429 and its
/// integration never called; a <c>$disconnect</c> is owed and never throttled), the integration
/// request (parameters, template), the integration (HTTP, HTTP_PROXY, MOCK), the integration
/// response, and for a two-way route the answer to the client. Never throws for what a client or a
/// backend did: every failure is an outcome with AWS's status and error frame.
/// </summary>
public sealed class WebSocketRouteDispatcher(HttpMessageInvoker invoker, RequestThrottle? throttle = null)
{
    private const string SubprotocolHeader = "Sec-WebSocket-Protocol";

    public HttpMessageInvoker Invoker { get; } = invoker;

    public async Task<WebSocketRouteOutcome> DispatchAsync(WebSocketRouteTable table, WebSocketRouteRequest request, CancellationToken cancellationToken)
    {
        // 1. Route selection: $connect and $disconnect by event; a message by the API's expression, else $default.
        if (table.RouteSelection is null)
        {
            return request.EventType == WebSocketEventType.Disconnect
                ? new WebSocketRouteOutcome { StatusCode = 200 }
                : Refused(request);
        }

        var route = request.EventType switch
        {
            WebSocketEventType.Connect => table.Find(WebSocketRouteKeys.Connect),
            WebSocketEventType.Disconnect => table.Find(WebSocketRouteKeys.Disconnect),
            _ => SelectMessageRoute(table, request),
        };

        // 2. Limits: the route's throttle, then the account's.
        if (!await IsAdmittedAsync(table, request, route))
        {
            return Throttled(request, route);
        }

        if (route is null)
        {
            return request.EventType == WebSocketEventType.Message ? Refused(request) : new WebSocketRouteOutcome { StatusCode = 200 };
        }

        if (route.RefusalStatus != 0)
        {
            return Failed(request, route, route.RefusalStatus, route.Fault, route.RefusalStatus == 403 ? "Forbidden" : "Internal server error");
        }

        if (route.Integration is not { } integration)
        {
            return Failed(request, route, 500, route.Fault);
        }

        // 3. Integration request: requestParameters, then the template the selection expression picks.
        var context = ContextVariables.WebSocket(ContextInputs(table, request, route.Key));
        var methodRequest = MethodRequest(request);
        var parameters = integration.Parameters.Map(new ParameterInputs { Request = methodRequest, Context = context, StageVariables = table.StageVariables });
        if (parameters.Error is { } mappingError)
        {
            return Failed(request, route, mappingError.DefaultStatusCode, mappingError.Message, mappingError.Message);
        }

        var selectionInputs = new SelectionExpressionInputs { Body = request.Body, Context = context, StageVariables = table.StageVariables };
        var body = request.Body;
        if (integration.Kind != WebSocketIntegrationKind.HttpProxy)
        {
            var choice = integration.RequestTemplates.Select(selectionInputs);
            if (choice.Disposition == RequestBodyDisposition.Reject)
            {
                return Failed(request, route, 415, "no request template matched and passthroughBehavior refuses the message", "Unsupported Media Type");
            }

            if (choice.Disposition == RequestBodyDisposition.Transform)
            {
                var (rendered, error, log) = Render(table, choice.Template!, request.Body, methodRequest, context);
                if (error is not null)
                {
                    return Failed(request, route, 500, log);
                }

                body = rendered;
                TemplateOverrides.ApplyRequestOverride(context, parameters);
            }
        }

        // 4. The integration.
        IntegrationResponseData response;
        if (integration.Kind == WebSocketIntegrationKind.Mock)
        {
            response = new IntegrationResponseData { StatusCode = MockIntegrationStatus.From(body), Body = string.Empty };
        }
        else
        {
            var call = await WebSocketIntegrationCall.SendAsync(Invoker, integration, parameters, body, cancellationToken);
            if (call.TimedOut)
            {
                return Failed(request, route, 504, call.Failure, "Endpoint request timed out");
            }

            if (call.Response is not { } answer)
            {
                return Failed(request, route, 500, call.Failure);
            }

            response = answer;
        }

        // 5. Integration response: a proxy's answer as it is; otherwise the selected response's template.
        var reply = response.Body;
        if (integration.Kind != WebSocketIntegrationKind.HttpProxy)
        {
            var status = response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var templates = integration.Responses.Select(selectionInputs with { IntegrationStatusCode = status });
            if (templates is null)
            {
                // AWS: "No match for output mapping and no default output mapping configured". Only an answer needs one.
                if (route.IsTwoWay)
                {
                    return Failed(request, route, 500, $"no integration response matches status {status} and there is no $default");
                }

                reply = null;
            }
            else if (templates.Select(selectionInputs with { Body = response.Body, IntegrationStatusCode = status }) is { Disposition: RequestBodyDisposition.Transform } chosen)
            {
                var (rendered, error, log) = Render(table, chosen.Template!, response.Body, methodRequest, context);
                if (error is not null)
                {
                    return Failed(request, route, 500, log);
                }

                reply = rendered;
            }
        }

        return Answer(request, route, response, reply);
    }

    private static WebSocketRoute? SelectMessageRoute(WebSocketRouteTable table, WebSocketRouteRequest request)
    {
        var key = table.RouteSelection!.Evaluate(new SelectionExpressionInputs { Body = request.Body, StageVariables = table.StageVariables });

        // $connect and $disconnect belong to the connection's life, never to a message that names them.
        return key is WebSocketRouteKeys.Connect or WebSocketRouteKeys.Disconnect
            ? table.Find(WebSocketRouteKeys.Default)
            : table.Find(key) ?? table.Find(WebSocketRouteKeys.Default);
    }

    private static WebSocketRouteOutcome Answer(WebSocketRouteRequest request, WebSocketRoute route, IntegrationResponseData response, string? reply)
    {
        var status = response.StatusCode;
        var success = status is >= 200 and < 300;
        switch (request.EventType)
        {
            case WebSocketEventType.Connect:
                return new WebSocketRouteOutcome
                {
                    RouteKey = route.Key,
                    StatusCode = status,
                    Subprotocol = success ? MultiValue.Last(response.Headers, SubprotocolHeader, ignoreCase: true) : null,
                    ErrorBody = success ? null : JsonOrNull(reply),
                    Failure = success ? null : $"the integration answered {status}",
                };
            case WebSocketEventType.Message when route.IsTwoWay:
                return new WebSocketRouteOutcome { RouteKey = route.Key, StatusCode = status, Reply = Encoding.UTF8.GetBytes(reply ?? string.Empty) };
            case WebSocketEventType.Message when !success:
                // A one-way route sends nothing back, except that its integration failed.
                return new WebSocketRouteOutcome
                {
                    RouteKey = route.Key,
                    StatusCode = status,
                    Reply = WebSocketErrorFrames.InternalServerError(request.Connection.ConnectionId, request.RequestId),
                    Failure = $"the integration answered {status}",
                };
            default:
                return new WebSocketRouteOutcome { RouteKey = route.Key, StatusCode = status };
        }
    }

    private static WebSocketRouteOutcome Refused(WebSocketRouteRequest request) => new()
    {
        StatusCode = 403,
        Reply = request.EventType == WebSocketEventType.Message ? WebSocketErrorFrames.Forbidden(request.Connection.ConnectionId, request.RequestId) : null,
        ErrorBody = request.EventType == WebSocketEventType.Connect ? MessageBody("Forbidden") : null,
    };

    // A connect is checked against the $connect route's limit whether or not the route exists (the
    // stage default applies); a $disconnect is owed, and a message with no route is refused anyway.
    private async ValueTask<bool> IsAdmittedAsync(WebSocketRouteTable table, WebSocketRouteRequest request, WebSocketRoute? route) => request.EventType switch
    {
        _ when throttle is null => true,
        WebSocketEventType.Connect => await throttle.AdmitAsync(table.ConnectThrottle),
        WebSocketEventType.Message when route is not null => await throttle.AdmitAsync(route.Throttle),
        _ => true,
    };

    // Not a fault of the API: nothing is logged per throttled event.
    private static WebSocketRouteOutcome Throttled(WebSocketRouteRequest request, WebSocketRoute? route) => new()
    {
        RouteKey = route?.Key,
        StatusCode = 429,
        Reply = request.EventType == WebSocketEventType.Message ? WebSocketErrorFrames.TooManyRequests(request.Connection.ConnectionId, request.RequestId) : null,
        ErrorBody = request.EventType == WebSocketEventType.Connect ? MessageBody("Too Many Requests") : null,
    };

    private static WebSocketRouteOutcome Failed(WebSocketRouteRequest request, WebSocketRoute route, int status, string? failure, string message = "Internal server error") => new()
    {
        RouteKey = route.Key,
        StatusCode = status,
        Reply = request.EventType == WebSocketEventType.Message ? WebSocketErrorFrames.Frame(message, request.Connection.ConnectionId, request.RequestId) : null,
        ErrorBody = request.EventType == WebSocketEventType.Connect ? MessageBody(message) : null,
        Failure = failure ?? message,
    };

    private static (string? Body, Mapping.GatewayResponses.GatewayError? Error, string? Log) Render(
        WebSocketRouteTable table, string template, string? body, MethodRequestData request, IDictionary<string, object?> context) =>
        TemplateRendering.Render(table.Templates, WebSocketRouteTable.TemplatesKey, template, body, request, context, table.StageVariables);

    private static WebSocketContextInputs ContextInputs(WebSocketRouteTable table, WebSocketRouteRequest request, string routeKey)
    {
        var connection = request.Connection;
        return new WebSocketContextInputs
        {
            ApiId = table.ApiId,
            Stage = table.StageName,
            ConnectionId = connection.ConnectionId,
            ConnectedAt = connection.ConnectedAt,
            EventType = request.EventType,
            RouteKey = routeKey,
            ExtendedRequestId = request.RequestId,
            MessageId = request.MessageId,
            DomainName = connection.DomainName,
            RequestTime = DateTimeOffset.UtcNow,
            Identity = new CallerIdentity { SourceIp = connection.SourceIp, UserAgent = connection.UserAgent, ApiKey = connection.ApiKey, ApiKeyId = connection.ApiKeyId },
            DisconnectStatusCode = request.DisconnectStatusCode,
            DisconnectReason = request.DisconnectReason,
        };
    }

    // route.request.header.* and .querystring.* exist only on $connect, as on AWS.
    private static MethodRequestData MethodRequest(WebSocketRouteRequest request)
    {
        var connect = request.EventType == WebSocketEventType.Connect;
        return new MethodRequestData
        {
            Headers = connect ? MultiValued(request.Connection.Headers, StringComparer.OrdinalIgnoreCase) : new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase),
            QueryString = connect ? MultiValued(request.Connection.QueryString, StringComparer.Ordinal) : new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal),
            Body = request.Body,
        };
    }

    private static Dictionary<string, IReadOnlyList<string>> MultiValued(Dictionary<string, string>? values, StringComparer comparer)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(values?.Count ?? 0, comparer);
        foreach (var (name, value) in values ?? [])
        {
            result[name] = [value];
        }

        return result;
    }

    private static string MessageBody(string message) => JsonSerializer.Serialize(new Dictionary<string, string> { ["message"] = message });

    private static string? JsonOrNull(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return text;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
