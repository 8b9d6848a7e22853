using OrleansGateway.Edge.Hosting;
using OrleansGateway.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddGatewayConsole();
if (await GatewayConfiguration.ApplyAsync(builder) is { } configurationError)
{
    Console.Error.WriteLine($"orleans-gateway: {configurationError}");
    return 2;
}

var app = builder.Build();
app.UseGatewayPlanes();

try
{
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartupFailure.Describe(e) is { } failure)
{
    Console.Error.WriteLine($"orleans-gateway: {failure}");
    return 1;
}
