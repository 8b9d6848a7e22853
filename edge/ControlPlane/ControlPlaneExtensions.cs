using OrleansGateway.Edge.Authentication;
using OrleansGateway.Edge.ControlPlane.HttpApis.OpenApi;
using OrleansGateway.Edge.ControlPlane.HttpApis;
using OrleansGateway.Edge.ControlPlane.Account;
using OrleansGateway.Edge.ControlPlane.ApiKeys;
using OrleansGateway.Edge.ControlPlane.DomainNames;
using OrleansGateway.Edge.ControlPlane.RestApis;
using OrleansGateway.Edge.ControlPlane.RestApis.OpenApi;
using OrleansGateway.Edge.ControlPlane.UsagePlans;
using OrleansGateway.Edge.ControlPlane.VpcLinks;
using OrleansGateway.Edge.Hosting;
using OrleansGateway.Integrations;
using OrleansGateway.SigV4;

namespace OrleansGateway.Edge.ControlPlane;

/// <summary>The admin endpoint: the AWS apigatewayv2 wire protocol (REST-JSON), signed with SigV4 when keys are configured.</summary>
public static partial class ControlPlaneExtensions
{
    public static void UseControlPlane(this IApplicationBuilder app)
    {
        var services = app.ApplicationServices;
        var configuration = services.GetRequiredService<IConfiguration>();
        var admin = services.GetRequiredService<GatewayOptions>().Admin;
        var adminUrl = GatewayEndpoints.AdminUrl(configuration);

        // Who is calling is settled before a byte of the body is read; the body is then capped.
        if (admin.HasKeys)
        {
            app.UseSigV4HeaderCheck(accessKeyId => accessKeyId == admin.AccessKeyId ? admin.SecretAccessKey : null, SigV4Scope.ControlPlane(admin.Region));
        }
        else
        {
            // The host has already refused to bind a non-loopback admin endpoint without keys.
            Log.Unauthenticated(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ControlPlaneExtensions)), adminUrl);
            app.UseLoopbackCallersOnly();
        }

        app.UseAdminRequestBody(admin.MaxBodyBytes);
        if (admin.HasKeys)
        {
            app.UseSigV4SignatureCheck();
        }

        var router = new WireRouter();
        var dataPort = GatewayEndpoints.DataUrl(configuration).Port;
        var ownAdmin = services.GetRequiredService<OwnAdminEndpoint>();
        new ApiEndpoints(dataPort, ownAdmin).Map(router);
        new OpenApiEndpoints(dataPort, ownAdmin).Map(router);
        RouteEndpoints.Map(router);
        IntegrationEndpoints.Map(router, ownAdmin);
        StageEndpoints.Map(router);
        DeploymentEndpoints.Map(router);
        AuthorizerEndpoints.Map(router);
        ResponseEndpoints.Map(router);
        TagEndpoints.Map(router);
        DomainNameEndpoints.Map(router);
        RestApiEndpoints.Map(router);
        RestResourceEndpoints.Map(router);
        RestMethodEndpoints.Map(router);
        RestIntegrationEndpoints.Map(router);
        RestModelEndpoints.Map(router);
        RestGatewayResponseEndpoints.Map(router);
        RestDeploymentEndpoints.Map(router);
        RestTagEndpoints.Map(router);
        RestUnsupportedOperations.Map(router);
        new RestOpenApiEndpoints(dataPort, ownAdmin).Map(router);
        ApiKeyEndpoints.Map(router);
        UsagePlanEndpoints.Map(router);
        AccountEndpoints.Map(router);
        RestDomainNameEndpoints.Map(router);
        VpcLinkEndpoints.Map(router);

        var dispatcher = new WireDispatcher(router, services.GetRequiredService<ILogger<WireDispatcher>>());
        app.Run(dispatcher.DispatchAsync);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "The admin endpoint {AdminUrl} is unauthenticated on loopback: set Gateway__Admin__AccessKeyId and Gateway__Admin__SecretAccessKey to require Signature V4")]
        public static partial void Unauthenticated(ILogger logger, Uri adminUrl);
    }
}
