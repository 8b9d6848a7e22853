namespace OrleansGateway.Edge.ControlPlane.RestApis;

/// <summary>apigateway <c>TestInvokeMethodRequest</c>'s body (wire names).</summary>
public sealed record TestInvokeMethodInput
{
    public string? PathWithQueryString { get; init; }

    public string? Body { get; init; }

    public Dictionary<string, string>? Headers { get; init; }

    public Dictionary<string, List<string>>? MultiValueHeaders { get; init; }

    public string? ClientCertificateId { get; init; }

    public Dictionary<string, string>? StageVariables { get; init; }
}
