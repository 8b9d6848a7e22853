namespace OrleansGateway.Routing;

/// <summary>
/// Chooses an HTTP API's stage as AWS does: a first path segment naming a stage selects it;
/// otherwise the <c>$default</c> stage, if the API has one. The host form never names
/// <c>$default</c> in the URL (as on AWS); the <c>/_aws/execute-api/{apiId}/{stage}/</c> form names
/// its stage explicitly, so there <c>$default</c> may be written as the stage segment.
/// </summary>
public static class HttpApiStageSelector
{
    public const string DefaultStage = "$default";

    /// <summary>
    /// Picks the stage for <paramref name="path"/> (starting with <c>/</c>) among <paramref name="stageNames"/>;
    /// <paramref name="routePathStart"/> is where the path the routes see begins;
    /// <paramref name="defaultStageMayBeNamed"/> lets a leading <c>/$default</c> segment select that stage.
    /// </summary>
    public static bool TrySelect(IReadOnlyList<string> stageNames, ReadOnlySpan<char> path, out string stageName, out int routePathStart, bool defaultStageMayBeNamed = false)
    {
        if (path.Length > 1)
        {
            var end = path[1..].IndexOf('/');
            var segment = end < 0 ? path[1..] : path.Slice(1, end);
            for (var i = 0; i < stageNames.Count; i++)
            {
                var name = stageNames[i];
                if ((defaultStageMayBeNamed || name != DefaultStage) && segment.SequenceEqual(name))
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
