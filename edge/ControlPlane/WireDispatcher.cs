using OrleansGateway.Errors;

namespace OrleansGateway.Edge.ControlPlane;

/// <summary>Runs the matched operation and turns every failure into an AWS error response.</summary>
public sealed partial class WireDispatcher(WireRouter router, ILogger<WireDispatcher> logger)
{
    public async Task DispatchAsync(HttpContext context)
    {
        // The SDKs surface it as ResponseMetadata.RequestId; the log line of a failure carries it too.
        context.Response.Headers["x-amzn-RequestId"] = context.TraceIdentifier;
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
            Log.OperationFailed(logger, context.Request.Method, context.Request.Path, context.TraceIdentifier, e);
            await WireErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, "InternalServerErrorException", "Internal server error");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Control-plane operation {Method} {Path} failed (request {RequestId})")]
        public static partial void OperationFailed(ILogger logger, string method, string path, string requestId, Exception exception);
    }
}
