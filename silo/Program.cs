using OrleansGateway.Hosting;

var builder = WebApplication.CreateBuilder(args);
var options = new GatewaySiloOptions { SiloPort = 11111, GatewayPort = 30000 };
builder.Configuration.GetSection("Gateway:Silo").Bind(options);
options.ConnectionString = builder.Configuration["Gateway:Storage:ConnectionString"];
if (string.IsNullOrWhiteSpace(options.ConnectionString))
{
    Console.Error.WriteLine("orleans-gateway-silo: set Gateway__Storage__ConnectionString (an Azure Storage connection string)");
    return 2;
}

if (builder.Configuration["Kestrel:Endpoints:Health:Url"] is null)
{
    builder.WebHost.UseUrls("http://127.0.0.1:8090");
}

builder.UseOrleans(silo => silo.UseGatewayCluster(options));
var app = builder.Build();
app.MapGet("/healthz", () => "ok");

try
{
    await app.RunAsync();
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine($"orleans-gateway-silo: start-up failed: {e.GetBaseException().Message.Split('\n')[0]}");
    return 1;
}
