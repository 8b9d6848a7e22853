namespace OrleansGateway.Silo.Health;

/// <summary>
/// <c>GET /healthz</c>: 200 while this silo is an active cluster member, 503 otherwise.
/// <c>GET /cluster</c>: the membership this silo sees, for operators and the cluster tests.
/// </summary>
public static class SiloHealthEndpoints
{
    public static WebApplication MapSiloHealth(this WebApplication app)
    {
        app.MapGet("/healthz", (IClusterMembershipService membership, ILocalSiloDetails local) =>
            membership.CurrentSnapshot.GetSiloStatus(local.SiloAddress) == SiloStatus.Active
                ? Results.Text("ok")
                : Results.Text("not an active member", statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/cluster", (IClusterMembershipService membership, ILocalSiloDetails local) => Results.Json(new
        {
            self = local.SiloAddress.ToParsableString(),
            version = membership.CurrentSnapshot.Version.Value,
            silos = membership.CurrentSnapshot.Members.Values
                .OrderBy(m => m.SiloAddress.ToParsableString(), StringComparer.Ordinal)
                .Select(m => new { address = m.SiloAddress.ToParsableString(), status = m.Status.ToString() }),
        }));
        return app;
    }
}
