namespace OrleansGateway.Edge.DataPlane;

/// <summary>The data endpoint: invoke URLs of deployed APIs.</summary>
public static class DataPlaneExtensions
{
    public static void UseDataPlane(this IApplicationBuilder app) =>
        app.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return context.Response.WriteAsJsonAsync(new { message = "Not Found" });
        });
}
