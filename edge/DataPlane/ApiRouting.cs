using System.Collections.Concurrent;
using OrleansGateway.HttpApis;
using OrleansGateway.Routing;

namespace OrleansGateway.Edge.DataPlane;

/// <summary>
/// What an edge holds for one API: its runtime summary (or the fact that it does not exist) and
/// the compiled tables of the stages requests have asked for so far.
/// </summary>
public sealed class ApiRouting
{
    private readonly ConcurrentDictionary<string, Task<StageRoutingTable?>>.AlternateLookup<ReadOnlySpan<char>> _stageLookup;

    public ApiRouting(string apiId, ApiRuntimeSummary? summary)
    {
        ApiId = apiId;
        Summary = summary;
        StageNames = summary?.StageNames ?? [];
        _stageLookup = Stages.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string ApiId { get; }

    /// <summary>Null when the API does not exist.</summary>
    public ApiRuntimeSummary? Summary { get; }

    public IReadOnlyList<string> StageNames { get; }

    public bool IsHttpApi => Summary?.ProtocolType == ProtocolTypes.Http;

    /// <summary>Stage name → its table once loaded (null: the stage does not exist).</summary>
    public ConcurrentDictionary<string, Task<StageRoutingTable?>> Stages { get; } = new(StringComparer.Ordinal);

    public bool TryGetStage(ReadOnlySpan<char> stageName, out Task<StageRoutingTable?> table) =>
        _stageLookup.TryGetValue(stageName, out table!);

    /// <summary>The stage name as the API spells it, found without allocating.</summary>
    public string? FindStageName(ReadOnlySpan<char> stageName)
    {
        foreach (var name in StageNames)
        {
            if (stageName.SequenceEqual(name))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Same API, same stages, same protocol: the cached tables stay valid.</summary>
    public bool SameAs(ApiRuntimeSummary? other)
    {
        if (Summary is null || other is null)
        {
            return Summary is null && other is null;
        }

        return Summary.ProtocolType == other.ProtocolType
            && Summary.DisableExecuteApiEndpoint == other.DisableExecuteApiEndpoint
            && Summary.StageNames.SequenceEqual(other.StageNames);
    }
}
