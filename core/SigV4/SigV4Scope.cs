namespace OrleansGateway.SigV4;

/// <summary>
/// What an endpoint serves, which a credential scope must name: the signing service
/// (<c>apigateway</c> for the control plane) and the region, or any well-formed region when
/// <see cref="Region"/> is null (a gateway on your own machines belongs to no AWS region).
/// </summary>
public sealed record SigV4Scope(string Service, string? Region = null)
{
    /// <summary>The signing name of the apigateway and apigatewayv2 wire APIs.</summary>
    public static SigV4Scope ControlPlane(string? region) => new("apigateway", region);

    /// <summary>The signing name of apigatewaymanagementapi (<c>@connections</c>) and of the groups API beside it.</summary>
    public static SigV4Scope ExecuteApi(string? region) => new("execute-api", region);

    /// <summary>
    /// AWS's messages for a scope that does not fit, each ending ". " and joined as AWS joins
    /// them; empty when the scope is right.
    /// </summary>
    public string Mismatches(SigV4Authorization authorization, string amzDate)
    {
        var message = string.Empty;
        if (Region is null ? !IsWellFormedRegion(authorization.Region) : authorization.Region != Region)
        {
            message += "Credential should be scoped to a valid region. ";
        }

        if (authorization.Service != Service)
        {
            message += $"Credential should be scoped to correct service: '{Service}'. ";
        }

        var day = amzDate[..8];
        if (authorization.Date != day)
        {
            message += $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{authorization.Date}' != '{day}', from '{amzDate}'. ";
        }

        return message;
    }

    // Region names are lower-case letters, digits and hyphens (us-east-1, us-gov-west-1).
    private static bool IsWellFormedRegion(string region) =>
        region.Length is > 0 and <= 64 && region.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
