namespace OrleansGateway.JsonPath;

/// <summary>A JSONPath expression that cannot be parsed; the message names the offending position.</summary>
public sealed class JsonPathException(string message) : FormatException(message);
