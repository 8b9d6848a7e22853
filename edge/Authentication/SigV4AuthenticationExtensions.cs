using Microsoft.AspNetCore.Http.Features;
using OrleansGateway.Edge.ControlPlane;
using OrleansGateway.SigV4;

namespace OrleansGateway.Edge.Authentication;

/// <summary>
/// Refuses requests without a valid Signature V4 for a known key pair, with AWS's 403 errors, in
/// two steps around the body: the header, key, date and scope before a byte of it is read, the
/// signature once it has been buffered (<see cref="AdminRequestBody"/>).
/// </summary>
public static class SigV4AuthenticationExtensions
{
    /// <param name="app">The pipeline (or branch) to protect.</param>
    /// <param name="secretFor">The secret of an access key id; null for an unknown key.</param>
    /// <param name="scope">The service and region the endpoint serves.</param>
    public static IApplicationBuilder UseSigV4HeaderCheck(this IApplicationBuilder app, Func<string, string?> secretFor, SigV4Scope scope) =>
        app.Use(async (context, next) =>
        {
            var request = SigV4HttpRequest.FromHeaders(context);
            if (SigV4Verifier.CheckHeaders(request, secretFor, DateTimeOffset.UtcNow, scope, out var credential) is { } failure)
            {
                // The body was not read: the client is told not to send the rest of it on this connection.
                context.Response.Headers.Connection = "close";
                await RefuseAsync(context, failure);
                return;
            }

            context.Features.Set(new SignedRequest(request, credential!));
            await next(context);
        });

    /// <summary>The signature check proper; runs after <see cref="UseSigV4HeaderCheck"/> and the body buffer.</summary>
    public static IApplicationBuilder UseSigV4SignatureCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var signed = context.Features.GetRequiredFeature<SignedRequest>();
            var request = SigV4HttpRequest.WithBody(signed.Request, AdminRequestBody.Of(context).Span);
            if (signed.Credential.CheckSignature(request) is { } failure)
            {
                await RefuseAsync(context, failure);
                return;
            }

            await next(context);
        });

    private static Task RefuseAsync(HttpContext context, SigV4Failure failure) =>
        WireErrors.WriteAsync(context, StatusCodes.Status403Forbidden, failure.ErrorType, failure.Message);

    private sealed record SignedRequest(SigV4Request Request, SigV4Credential Credential);
}
