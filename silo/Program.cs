using OrleansGateway.Hosting;
using OrleansGateway.Silo.Health;
using OrleansGateway.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddGatewayConsole();
if (await SiloConfiguration.ApplyAsync(builder) is { } configurationError)
{
    Console.Error.WriteLine($"orleans-gateway-silo: {configurationError}");
    return 2;
}

var app = builder.Build();
app.MapSiloHealth();

try
{
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartupFailure.Describe(e) is { } failure)
{
    Console.Error.WriteLine($"orleans-gateway-silo: {failure}");
    return 1;
}
