using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace OrleansGateway.Hosting;

/// <summary>
/// The Azure Storage account behind cluster mode (clustering table and grain-state blobs), checked
/// before Orleans starts: Orleans retries a bad or absent account for minutes and then logs stack
/// traces, where an operator needs one line at once.
/// </summary>
public static class ClusterStorage
{
    public const string ConnectionStringVariable = "Gateway__Storage__ConnectionString";

    /// <summary>How long the start-up probe may take before storage counts as unreachable.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Null when the connection string can be parsed by both clients, else why not.</summary>
    public static string? Validate(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return $"cluster mode needs {ConnectionStringVariable} (an Azure Storage connection string)";
        }

        try
        {
            _ = new TableServiceClient(connectionString);
            _ = new BlobServiceClient(connectionString);
            return null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return $"{ConnectionStringVariable} is not a valid Azure Storage connection string: {FirstLine(e.Message)}";
        }
    }

    /// <summary>Reads the table and blob services once; null when both answer, else one line saying why not.</summary>
    public static async Task<string?> ProbeAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        var tables = new TableServiceClient(connectionString, Configure(new TableClientOptions()));
        var blobs = new BlobServiceClient(connectionString, Configure(new BlobClientOptions()));
        var endpoint = tables.Uri;
        try
        {
            await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token).AsPages(pageSizeHint: 1))
            {
                break;
            }

            endpoint = blobs.Uri;
            await foreach (var _ in blobs.GetBlobContainersAsync(cancellationToken: timeout.Token).AsPages(pageSizeHint: 1))
            {
                break;
            }

            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"Azure Storage at {endpoint} did not answer within {ProbeTimeout.TotalSeconds:0} s";
        }
        catch (RequestFailedException e) when (e.Status != 0)
        {
            return $"Azure Storage at {endpoint} refused the request (HTTP {e.Status}{(string.IsNullOrEmpty(e.ErrorCode) ? "" : " " + e.ErrorCode)}); check the account name and key in {ConnectionStringVariable}";
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or HttpRequestException)
        {
            return $"Azure Storage at {endpoint} is unreachable: {Innermost(e)}";
        }
    }

    // Few, quick retries: the probe must answer within ProbeTimeout, not after the SDK's minute of backoff.
    private static T Configure<T>(T options)
        where T : ClientOptions
    {
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(4);
        return options;
    }

    private static string Innermost(Exception e)
    {
        while (true)
        {
            var next = e is AggregateException a ? a.InnerExceptions[^1] : e.InnerException;
            if (next is null)
            {
                return FirstLine(e.Message);
            }

            e = next;
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
