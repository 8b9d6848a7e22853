using Microsoft.Extensions.Logging.Console;

namespace OrleansGateway.Hosting;

/// <summary>Options of <see cref="CompactConsoleFormatter"/> (<c>Logging:Console:FormatterOptions</c>).</summary>
public sealed class CompactConsoleFormatterOptions : ConsoleFormatterOptions
{
    /// <summary>Print each exception's full stack trace instead of its one-line summary.</summary>
    public bool StackTraces { get; set; }
}
