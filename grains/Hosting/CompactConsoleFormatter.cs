using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace OrleansGateway.Hosting;

/// <summary>
/// One line per log entry, exceptions as their type and message chain. Orleans logs every failed
/// connection attempt with a full stack trace; an operator reading a gateway's console needs what
/// failed, not where. <c>Logging__Console__FormatterOptions__StackTraces=true</c> brings traces back.
/// </summary>
public sealed class CompactConsoleFormatter(IOptionsMonitor<CompactConsoleFormatterOptions> options) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "gateway";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var settings = options.CurrentValue;
        if (settings.TimestampFormat is { } timestamp)
        {
            textWriter.Write(DateTimeOffset.UtcNow.ToString(timestamp, System.Globalization.CultureInfo.InvariantCulture));
        }

        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(": ");
        textWriter.Write(logEntry.Category);
        textWriter.Write(": ");
        textWriter.Write(OneLine(message));
        if (logEntry.Exception is { } exception)
        {
            if (settings.StackTraces)
            {
                textWriter.WriteLine();
                textWriter.Write(exception.ToString());
            }
            else
            {
                for (Exception? e = exception; e is not null; e = e.InnerException)
                {
                    textWriter.Write(e == exception ? " | " : " --> ");
                    textWriter.Write(e.GetType().Name);
                    textWriter.Write(": ");
                    textWriter.Write(OneLine(e.Message));
                }
            }
        }

        textWriter.WriteLine();
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };

    private static string OneLine(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : text.ReplaceLineEndings(" ").Trim();
}
