namespace OrleansGateway.RestApis;

/// <summary>
/// What an edge serves for one REST stage: the table of the stage's deployment and, when the stage
/// has a canary, the canary deployment's table and the share of requests it takes.
/// </summary>
public sealed class RestStageTables
{
    private RestStageTables(RestStageTable? main, RestStageTable? canary, double percentTraffic, long version)
    {
        Main = main;
        Canary = canary;
        CanaryPercent = percentTraffic;
        Version = version;
    }

    /// <summary>Null before the stage's first deployment.</summary>
    public RestStageTable? Main { get; }

    public RestStageTable? Canary { get; }

    /// <summary>0 to 100: the share of requests the canary takes.</summary>
    public double CanaryPercent { get; }

    public long Version { get; }

    public IEnumerable<string> Faults => (Main?.Faults ?? []).Concat(Canary?.Faults.Select(f => "canary: " + f) ?? []);

    public static RestStageTables Create(RestStageRuntime runtime, TimeSpan defaultTimeout)
    {
        var stage = runtime.Stage;
        var main = runtime.Deployment is { } deployment
            ? RestStageTable.Create(runtime.RestApiId, stage, runtime.Version, deployment, stage.Variables, isCanary: false, defaultTimeout, runtime.CacheGeneration)
            : null;
        RestStageTable? canary = null;
        if (stage.CanarySettings is { } settings && runtime.CanaryDeployment is { } canaryDeployment)
        {
            // The canary serves with the stage's variables, those it overrides replaced.
            var variables = new Dictionary<string, string>(stage.Variables ?? [], StringComparer.Ordinal);
            foreach (var (name, value) in settings.StageVariableOverrides ?? [])
            {
                variables[name] = value;
            }

            canary = RestStageTable.Create(runtime.RestApiId, stage, runtime.Version, canaryDeployment, variables, isCanary: true, defaultTimeout, runtime.CacheGeneration);
        }

        return new RestStageTables(main, canary, Math.Clamp(stage.CanarySettings?.PercentTraffic ?? 0, 0, 100), runtime.Version);
    }

    /// <summary>The table for one request; <paramref name="roll"/> is uniform in [0, 100).</summary>
    public RestStageTable? Select(double roll) =>
        Canary is not null && roll < CanaryPercent ? Canary : Main;
}
