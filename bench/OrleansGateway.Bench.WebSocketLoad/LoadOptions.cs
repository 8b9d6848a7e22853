using System.Net;

namespace OrleansGateway.Bench.WebSocketLoad;

/// <summary>
/// What to load and how hard. URL templates may hold <c>{id}</c>, the connection ID (URL-escaped), and
/// <c>{group}</c>, the broadcast group (the warm-up uses a group of its own).
/// </summary>
public sealed class LoadOptions
{
    public string Label { get; private set; } = "target";

    /// <summary>Where clients upgrade: <c>ws://127.0.0.1:PORT/path</c>.</summary>
    public Uri WebSocketUrl { get; private set; } = null!;

    /// <summary>The Host header of the upgrade, when the URL's authority is not the host to name (the gateway's <c>{apiId}.execute-api.localhost</c>).</summary>
    public string? WebSocketHost { get; private set; }

    /// <summary>POST target of one push, with <c>{id}</c>.</summary>
    public string? PushUrl { get; private set; }

    /// <summary>POST target of a broadcast.</summary>
    public string? BroadcastUrl { get; private set; }

    /// <summary>PUT target that adds a connection to the broadcast's group (none for a server that broadcasts to all).</summary>
    public string? JoinUrl { get; private set; }

    /// <summary>The Host header of posts, joins and broadcasts, when it is not the URL's authority.</summary>
    public string? HttpHost { get; private set; }

    /// <summary>Server processes whose memory and CPU count (for the gateway: edges and silos).</summary>
    public int[] ServerPids { get; private set; } = [];

    public int Connections { get; private set; } = 10_000;

    /// <summary>Source addresses 127.0.0.1 … 127.0.0.N, so that no one address runs out of ephemeral ports.</summary>
    public int Sources { get; private set; } = 20;

    public int ConnectConcurrency { get; private set; } = 64;

    public int WarmupConnections { get; private set; } = 1_000;

    /// <summary>Seconds between the last connect and the memory reading.</summary>
    public int SettleSeconds { get; private set; } = 10;

    public int PushRate { get; private set; } = 2_000;

    public int PushSeconds { get; private set; } = 10;

    public int BroadcastRounds { get; private set; } = 5;

    public HashSet<string> Phases { get; private set; } = ["connect", "push", "broadcast"];

    /// <summary>The whole run stops after this long, whatever phase it is in.</summary>
    public int MaxSeconds { get; private set; } = 600;

    public string? OutputPath { get; private set; }

    /// <summary>Seconds to keep the connections open after the last phase, to look at the server (a heap dump, a profile).</summary>
    public int HoldSeconds { get; private set; }

    public IPEndPoint Server => new(IPAddress.Parse(WebSocketUrl.Host), WebSocketUrl.Port);

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
            switch (name)
            {
                case "--label": options.Label = value; break;
                case "--ws-url": options.WebSocketUrl = new Uri(value); break;
                case "--ws-host": options.WebSocketHost = value; break;
                case "--push-url": options.PushUrl = value; break;
                case "--broadcast-url": options.BroadcastUrl = value; break;
                case "--join-url": options.JoinUrl = value; break;
                case "--http-host": options.HttpHost = value; break;
                case "--pids": options.ServerPids = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)]; break;
                case "--connections": options.Connections = int.Parse(value); break;
                case "--sources": options.Sources = int.Parse(value); break;
                case "--concurrency": options.ConnectConcurrency = int.Parse(value); break;
                case "--warmup": options.WarmupConnections = int.Parse(value); break;
                case "--settle": options.SettleSeconds = int.Parse(value); break;
                case "--push-rate": options.PushRate = int.Parse(value); break;
                case "--push-seconds": options.PushSeconds = int.Parse(value); break;
                case "--broadcasts": options.BroadcastRounds = int.Parse(value); break;
                case "--phases": options.Phases = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries)]; break;
                case "--max-seconds": options.MaxSeconds = int.Parse(value); break;
                case "--out": options.OutputPath = value; break;
                case "--hold": options.HoldSeconds = int.Parse(value); break;
                default: throw new ArgumentException($"unknown option {name}");
            }
        }

        if (options.WebSocketUrl is null || options.ServerPids.Length == 0)
        {
            throw new ArgumentException("--ws-url and --pids are required");
        }

        if (options.Sources is < 1 or > 254)
        {
            throw new ArgumentException("--sources must be 1-254");
        }

        return options;
    }

    /// <summary>A URL template with the connection ID put in, escaped as clients must (IDs hold '=' and may hold '/' or '+').</summary>
    public static string Expand(string template, string connectionId, string group) =>
        template.Replace("{id}", Uri.EscapeDataString(connectionId), StringComparison.Ordinal).Replace("{group}", group, StringComparison.Ordinal);
}
