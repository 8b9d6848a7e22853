namespace OrleansGateway.Edge.Hosting;

/// <summary>The two Kestrel endpoints of the external contract and their defaults.</summary>
public static class GatewayEndpoints
{
    public const string DataUrlKey = "Kestrel:Endpoints:Data:Url";
    public const string AdminUrlKey = "Kestrel:Endpoints:Admin:Url";
    public const string DefaultDataUrl = "http://127.0.0.1:8080";
    public const string DefaultAdminUrl = "http://127.0.0.1:8081";

    public static Uri AdminUrl(IConfiguration configuration) => new(configuration[AdminUrlKey] ?? DefaultAdminUrl);

    public static Uri DataUrl(IConfiguration configuration) => new(configuration[DataUrlKey] ?? DefaultDataUrl);
}
