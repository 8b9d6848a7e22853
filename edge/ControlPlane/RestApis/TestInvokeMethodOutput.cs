namespace OrleansGateway.Edge.ControlPlane.RestApis;

/// <summary>apigateway <c>TestInvokeMethodResponse</c> (wire names).</summary>
public sealed record TestInvokeMethodOutput
{
    public int Status { get; init; }

    public string? Body { get; init; }

    public Dictionary<string, string>? Headers { get; init; }

    public Dictionary<string, List<string>>? MultiValueHeaders { get; init; }

    public string? Log { get; init; }

    public long Latency { get; init; }
}
