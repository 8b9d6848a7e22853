using Microsoft.Extensions.Logging;

namespace OrleansGateway.Hosting;

/// <summary>
/// Lets an edge start before the silos (docker-compose starts them together): connecting is retried
/// for <see cref="Window"/>, then start-up fails with the client's own reason.
/// </summary>
public sealed partial class SiloWaitRetryFilter(ILogger<SiloWaitRetryFilter> logger) : IClientConnectionRetryFilter
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    private readonly DateTime _deadline = DateTime.UtcNow + Window;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        if (DateTime.UtcNow >= _deadline)
        {
            return false;
        }

        Log.WaitingForSilo(logger, exception.Message);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "No silo answered yet, retrying: {Reason}")]
        public static partial void WaitingForSilo(ILogger logger, string reason);
    }
}
