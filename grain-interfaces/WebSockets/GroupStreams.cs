namespace OrleansGateway.WebSockets;

/// <summary>Names of the stream fan-out of groups: one stream per group key in <see cref="Namespace"/>, on provider <see cref="ProviderName"/>.</summary>
public static class GroupStreams
{
    public const string ProviderName = "gw-groups";

    public const string Namespace = "gw.group";

    /// <summary>The grain storage Orleans keeps stream subscriptions in.</summary>
    public const string PubSubStorage = "PubSubStore";
}
