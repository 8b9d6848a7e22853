namespace OrleansGateway.DomainNames;

/// <summary>Where a custom domain name (or REST API) is reachable, as the wire spells it (<c>EndpointType</c>).</summary>
public static class EndpointTypes
{
    public const string Edge = "EDGE";

    public const string Regional = "REGIONAL";

    public const string Private = "PRIVATE";
}
