using OrleansGateway.Errors;

namespace OrleansGateway.Patching;

/// <summary>AWS's answers to a patch operation it does not take, in its words (note the two spaces after "path" where AWS writes them).</summary>
public static class PatchErrors
{
    /// <summary>The ops of the model's <c>Op</c> enum, in the order AWS lists them in its validation message.</summary>
    public static readonly IReadOnlyList<string> Ops = ["add", "remove", "move", "test", "replace", "copy"];

    /// <summary>A path the resource does not have at all (AWS prints a missing path as <c>null</c>).</summary>
    public static ApiGatewayException InvalidPath(string? path) =>
        ApiGatewayException.BadRequest($"Invalid patch path {path ?? "null"}");

    /// <summary>A path the op cannot change, naming the paths it can.</summary>
    public static ApiGatewayException InvalidPathForOp(string? path, string? op, IEnumerable<string> supportedPaths) =>
        ApiGatewayException.BadRequest($"Invalid patch path  '{path}' specified for op '{op}'. Must be one of: [{string.Join(", ", supportedPaths)}]");

    /// <summary>An op the path does not take at all.</summary>
    public static ApiGatewayException UnsupportedOp(string? path, string? op) =>
        ApiGatewayException.BadRequest($"Invalid patch path  '{path}' specified for op '{op}'. Please choose supported operations");

    /// <summary>An op the path does not take, naming the ones it does.</summary>
    public static ApiGatewayException InvalidOperation(IEnumerable<string> supportedOps) =>
        ApiGatewayException.BadRequest($"Invalid patch operation specified. Must be one of: [{string.Join(", ", supportedOps)}]");

    /// <summary>An op outside the model's enum (the request's validation, before the operation runs).</summary>
    public static ApiGatewayException UnknownOp(string? op, string inputName, int index) =>
        new("ValidationException", 400, $"1 validation error detected: Value '{op}' at '{inputName}.patchOperations.{index + 1}.member.op' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", Ops)}]");
}
