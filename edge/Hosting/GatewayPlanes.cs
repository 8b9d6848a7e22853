using OrleansGateway.Edge.ControlPlane;
using OrleansGateway.Edge.DataPlane;
using OrleansGateway.Edge.Health;

namespace OrleansGateway.Edge.Hosting;

/// <summary>Splits requests by the endpoint they arrived on: admin (control plane) or data.</summary>
public static class GatewayPlanes
{
    public static WebApplication UseGatewayPlanes(this WebApplication app)
    {
        var adminPort = GatewayEndpoints.AdminUrl(app.Configuration).Port;
        app.MapWhen(context => context.Connection.LocalPort == adminPort, admin =>
        {
            admin.UseHealthEndpoint();
            admin.UseControlPlane();
        });
        app.UseHealthEndpoint();
        app.UseDataPlane();
        return app;
    }
}
