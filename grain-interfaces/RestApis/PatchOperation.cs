namespace OrleansGateway.RestApis;

/// <summary>
/// One change of an apigateway <c>Update*</c> call (<c>patchOperations</c>): <c>op</c> is add,
/// remove, replace, move, copy or test; <c>path</c> is JSON-pointer-like with <c>~1</c> for a
/// slash inside a segment. Applied by the grain that owns the resource.
/// </summary>
[GenerateSerializer, Immutable, Alias("gw.PatchOperation")]
public sealed record PatchOperation
{
    [Id(0)] public string? Op { get; init; }
    [Id(1)] public string? Path { get; init; }
    [Id(2)] public string? Value { get; init; }
    [Id(3)] public string? From { get; init; }
}
