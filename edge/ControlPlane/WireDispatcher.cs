using OrleansGateway.Errors;

namespace OrleansGateway.Edge.ControlPlane;

/// <summary>Runs the matched operation and turns every failure into an AWS error response.</summary>
public sealed partial class WireDispatcher(WireRouter router, ILogger<WireDispatcher> logger)
{
    public async Task DispatchAsync(HttpContext context)
    {
        if (router.Match(context.Request) is not var (handler, uriParameters))
        {
            await WireErrors.WriteAsync(context, StatusCodes.Status404NotFound, "NotFoundException", "Not Found");
            return;
        }

        try
        {
            await handler(new WireRequest(context, uriParameters));
        }
        catch (ApiGatewayException e) when (!context.Response.HasStarted)
        {
            await WireErrors.WriteAsync(context, e.StatusCode, e.ErrorType, e.Message);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            Log.OperationFailed(logger, context.Request.Method, context.Request.Path, e);
            await WireErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, "InternalServerErrorException", "Internal server error");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Control-plane operation {Method} {Path} failed")]
        public static partial void OperationFailed(ILogger logger, string method, string path, Exception exception);
    }
}
