namespace OrleansGateway.Routing;

/// <summary>
/// The route a request matched and where its path variables sit in the request path; values are
/// cut out only when asked for, so a match that reads none allocates nothing for them.
/// </summary>
public readonly struct RouteMatch
{
    private readonly Range[]? _parameters;

    internal RouteMatch(CompiledRoute route, ReadOnlyMemory<char> path, Range[]? parameters)
    {
        Route = route;
        Path = path;
        _parameters = parameters;
    }

    public CompiledRoute Route { get; }

    /// <summary>The request path the routes saw (no stage), starting with <c>/</c>.</summary>
    public ReadOnlyMemory<char> Path { get; }

    /// <summary>The value of path variable <paramref name="name"/>; <paramref name="greedy"/> when it is the <c>{name+}</c> one.</summary>
    public bool TryGetParameter(string name, out ReadOnlySpan<char> value, out bool greedy)
    {
        var names = Route.ParameterNames;
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i] == name && _parameters is not null)
            {
                value = Path.Span[_parameters[i]];
                greedy = Route.HasGreedyParameter && i == names.Length - 1;
                return true;
            }
        }

        value = default;
        greedy = false;
        return false;
    }

    public string? GetParameter(string name) => TryGetParameter(name, out var value, out _) ? value.ToString() : null;
}
