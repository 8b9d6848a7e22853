namespace OrleansGateway.Routing;

/// <summary>
/// Chooses an HTTP API's stage as AWS does: a first path segment naming a stage selects it;
/// otherwise the <c>$default</c> stage, if the API has one.
/// </summary>
public static class HttpApiStageSelector
{
    public const string DefaultStage = "$default";

    /// <summary>
    /// Picks the stage for <paramref name="path"/> (starting with <c>/</c>) among <paramref name="stageNames"/>;
    /// <paramref name="routePathStart"/> is where the path the routes see begins.
    /// </summary>
    public static bool TrySelect(IReadOnlyList<string> stageNames, ReadOnlySpan<char> path, out string stageName, out int routePathStart)
    {
        if (path.Length > 1)
        {
            var end = path[1..].IndexOf('/');
            var segment = end < 0 ? path[1..] : path.Slice(1, end);
            for (var i = 0; i < stageNames.Count; i++)
            {
                // "$default" is never written in a URL: its requests carry no stage segment.
                var name = stageNames[i];
                if (name != DefaultStage && segment.SequenceEqual(name))
                {
                    stageName = name;
                    routePathStart = 1 + segment.Length;
                    return true;
                }
            }
        }

        for (var i = 0; i < stageNames.Count; i++)
        {
            if (stageNames[i] == DefaultStage)
            {
                stageName = stageNames[i];
                routePathStart = 0;
                return true;
            }
        }

        stageName = string.Empty;
        routePathStart = 0;
        return false;
    }
}
