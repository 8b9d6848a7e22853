using Microsoft.Extensions.Logging;

namespace OrleansGateway.Hosting;

/// <summary>Console logging shared by the edge and the silo.</summary>
public static class GatewayLoggingExtensions
{
    public static ILoggingBuilder AddGatewayConsole(this ILoggingBuilder logging)
    {
        logging.AddConsole(o => o.FormatterName = CompactConsoleFormatter.FormatterName);
        logging.AddConsoleFormatter<CompactConsoleFormatter, CompactConsoleFormatterOptions>();

        // A failed start is reported by Program.cs as one line on stderr; the host's own report repeats it.
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        return logging;
    }
}
