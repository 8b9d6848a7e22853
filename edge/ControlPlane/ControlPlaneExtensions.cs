namespace OrleansGateway.Edge.ControlPlane;

/// <summary>The admin endpoint: the AWS apigateway/apigatewayv2 wire protocols.</summary>
public static class ControlPlaneExtensions
{
    public static void UseControlPlane(this IApplicationBuilder app) =>
        app.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return context.Response.WriteAsJsonAsync(new { message = "Not Found" });
        });
}
