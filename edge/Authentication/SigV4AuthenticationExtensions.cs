using OrleansGateway.Edge.ControlPlane;
using OrleansGateway.SigV4;

namespace OrleansGateway.Edge.Authentication;

/// <summary>Refuses requests without a valid Signature V4 for a known key pair, with AWS's 403 errors.</summary>
public static class SigV4AuthenticationExtensions
{
    /// <param name="app">The pipeline (or branch) to protect.</param>
    /// <param name="secretFor">The secret of an access key id; null for an unknown key.</param>
    public static IApplicationBuilder UseSigV4Authentication(this IApplicationBuilder app, Func<string, string?> secretFor) =>
        app.Use(async (context, next) =>
        {
            var request = await SigV4HttpRequest.ReadAsync(context);
            if (SigV4Verifier.Verify(request, secretFor, DateTimeOffset.UtcNow) is { } failure)
            {
                await WireErrors.WriteAsync(context, StatusCodes.Status403Forbidden, failure.ErrorType, failure.Message);
                return;
            }

            await next(context);
        });
}
