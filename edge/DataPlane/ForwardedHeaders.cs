namespace OrleansGateway.Edge.DataPlane;

/// <summary>The <c>X-Forwarded-*</c> headers the gateway sets on integration requests.</summary>
public static class ForwardedHeaders
{
    public const string For = "X-Forwarded-For";
    public const string Proto = "X-Forwarded-Proto";
    public const string Port = "X-Forwarded-Port";
    public const string Host = "X-Forwarded-Host";
}
