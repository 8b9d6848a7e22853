using OrleansGateway.Edge.Authentication;
using OrleansGateway.Edge.ControlPlane;
using OrleansGateway.Edge.Hosting;
using OrleansGateway.SigV4;

namespace OrleansGateway.Edge.WebSockets;

/// <summary>
/// apigatewaymanagementapi (2018-11-29) under each WebSocket stage's base URL — <c>@connections/{id}</c>
/// POST, GET and DELETE — and the groups API beside it (<c>@groups/{group}</c>). The caller is checked
/// as the control plane checks its callers (the same keys, SigV4 for service <c>execute-api</c>, or
/// loopback only without keys), before a byte of the body is read; the body is then capped at
/// <see cref="WebSocketApiOptions.MaxPostBytes"/> (413) before the signature over it is checked.
/// </summary>
public sealed class ConnectionManagementApi
{
    private const string UnsignedPrefix = "The management API has no access keys configured (Gateway:Admin) and ";

    private readonly RequestDelegate _pipeline;

    public ConnectionManagementApi(IServiceProvider services, GatewayOptions gateway, WebSocketApiOptions options, EdgeIdentity identity)
    {
        var admin = gateway.Admin;
        var app = new ApplicationBuilder(services);
        if (admin.HasKeys)
        {
            app.UseSigV4HeaderCheck(accessKeyId => accessKeyId == admin.AccessKeyId ? admin.SecretAccessKey : null, SigV4Scope.ExecuteApi(admin.Region));
        }
        else
        {
            app.UseRefusals("ForbiddenException", context => LoopbackCallers.ManagementRefusal(context) is { } message ? UnsignedPrefix + message : null);
        }

        app.UseAdminRequestBody(options.MaxPostBytes);
        if (admin.HasKeys)
        {
            app.UseSigV4SignatureCheck();
        }

        var router = new WireRouter();
        ConnectionEndpoints.Map(router, identity);
        GroupEndpoints.Map(router, identity);
        app.Run(new WireDispatcher(router, services.GetRequiredService<ILogger<WireDispatcher>>()).DispatchAsync);
        _pipeline = app.Build();
    }

    public static bool Handles(ReadOnlySpan<char> path) =>
        path.StartsWith("/@connections/", StringComparison.Ordinal) || path.StartsWith("/@groups/", StringComparison.Ordinal);

    /// <summary>Serves <paramref name="path"/>, the path below the stage's base as Kestrel decoded it (<c>%2F</c> still encoded).</summary>
    public Task ServeAsync(HttpContext context, string apiId, string stage, ReadOnlyMemory<char> path, string requestId)
    {
        context.TraceIdentifier = requestId;
        context.Features.Set(new ManagementStage(apiId, stage));

        // The operations' URIs are relative to the stage's base, as the service model writes them;
        // the signature is checked against the raw target, so this does not change what was signed.
        context.Request.Path = new PathString(path.ToString());
        return _pipeline(context);
    }
}
