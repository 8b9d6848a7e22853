using System.Collections.Frozen;

namespace OrleansGateway.Edge.DataPlane.Rest;

/// <summary>
/// What an edge holds for one REST API: the names of its stages (from
/// <see cref="RestApis.IRestApiGrain.GetStageNames"/>), each with its <see cref="RestStageSlot"/>.
/// A stage name not in it is answered as AWS answers an unknown stage, without a grain call, so
/// made-up names activate nothing and leave nothing behind.
/// </summary>
public sealed class RestApiStages
{
    private readonly FrozenDictionary<string, RestStageSlot> _stages;
    private readonly FrozenDictionary<string, RestStageSlot>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>The stages of <paramref name="stageNames"/>; slots of <paramref name="previous"/> whose names remain keep their tables.</summary>
    public RestApiStages(string apiId, IEnumerable<string> stageNames, RestApiStages? previous = null)
    {
        ApiId = apiId;
        _stages = stageNames.ToFrozenDictionary(
            name => name,
            name => previous is not null && previous._stages.TryGetValue(name, out var kept) ? kept : new RestStageSlot(apiId, name),
            StringComparer.Ordinal);
        _lookup = _stages.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string ApiId { get; }

    public IEnumerable<RestStageSlot> Slots => _stages.Values;

    public bool TryGetStage(ReadOnlySpan<char> stageName, out RestStageSlot slot) => _lookup.TryGetValue(stageName, out slot!);

    public bool SameStages(IReadOnlyCollection<string> stageNames) =>
        stageNames.Count == _stages.Count && stageNames.All(_stages.ContainsKey);
}
