namespace OrleansGateway.RestApis;

/// <summary>The method a request reached and its path parameters, decoded as AWS passes them on.</summary>
public sealed record RestResourceMatch(RestMethodEntry Method, IReadOnlyDictionary<string, string> PathParameters);
