using OrleansGateway.Edge.ControlPlane.HttpApis;
using OrleansGateway.Edge.Hosting;

namespace OrleansGateway.Edge.ControlPlane;

/// <summary>The admin endpoint: the AWS apigatewayv2 wire protocol (REST-JSON).</summary>
public static class ControlPlaneExtensions
{
    public static void UseControlPlane(this IApplicationBuilder app)
    {
        var configuration = app.ApplicationServices.GetRequiredService<IConfiguration>();
        var router = new WireRouter();
        new ApiEndpoints(GatewayEndpoints.DataUrl(configuration).Port).Map(router);
        RouteEndpoints.Map(router);
        IntegrationEndpoints.Map(router);
        StageEndpoints.Map(router);
        DeploymentEndpoints.Map(router);

        var dispatcher = new WireDispatcher(router, app.ApplicationServices.GetRequiredService<ILogger<WireDispatcher>>());
        app.Run(dispatcher.DispatchAsync);
    }
}
