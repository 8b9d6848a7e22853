using OrleansGateway.Routing;

namespace OrleansGateway.Edge.DataPlane;

/// <summary>
/// Logs what a stage's table could not serve as stored, once, when the table is compiled: a fault
/// found per request would be logged per request, and fill the log without saying more.
/// </summary>
internal static partial class RoutingTableFaults
{
    public static StageRoutingTable LogOnce(StageRoutingTable table, ILogger logger)
    {
        foreach (var fault in table.Faults)
        {
            Log.Fault(logger, table.ApiId, table.StageName, table.Version, fault);
        }

        return table;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Routing: stage {ApiId}/{StageName} at version {Version}: {Fault}")]
        public static partial void Fault(ILogger logger, string apiId, string stageName, long version, string fault);
    }
}
