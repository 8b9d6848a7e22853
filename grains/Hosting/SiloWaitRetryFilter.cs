using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Orleans.Runtime.Messaging;

namespace OrleansGateway.Hosting;

/// <summary>
/// Lets an edge start before the silos (docker-compose starts them together): connecting is retried
/// for <see cref="Window"/>, then start-up fails with the most telling reason seen. Orleans answers an
/// attempt made soon after a failed one with "Unable to connect to ..., will retry after ..." without
/// connecting at all; that says nothing about why, so the failure it stands for is reported instead.
/// </summary>
public sealed partial class SiloWaitRetryFilter(ILogger<SiloWaitRetryFilter> logger) : IClientConnectionRetryFilter
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    private readonly DateTime _deadline = DateTime.UtcNow + Window;
    private Exception? _telling;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        if (!IsBackoff(exception))
        {
            _telling = exception;
        }

        if (DateTime.UtcNow >= _deadline)
        {
            if (_telling is not null && !ReferenceEquals(_telling, exception))
            {
                ExceptionDispatchInfo.Throw(_telling);
            }

            return false;
        }

        Log.WaitingForSilo(logger, exception.Message);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        return true;
    }

    private static bool IsBackoff(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is ConnectionFailedException && e.InnerException is null)
            {
                return true;
            }
        }

        return false;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "No silo answered yet, retrying: {Reason}")]
        public static partial void WaitingForSilo(ILogger logger, string reason);
    }
}
