using OrleansGateway.Edge.Hosting;

var builder = WebApplication.CreateBuilder(args);
if (GatewayConfiguration.Apply(builder) is { } configurationError)
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
