namespace OrleansGateway.Edge.ControlPlane.RestApis;

/// <summary>An operation of the service model answered with <paramref name="ErrorType"/>: its method and URI as the model's <c>http</c> reads.</summary>
public sealed record UnsupportedOperation(string Method, string UriTemplate, string Name, string ErrorType);
