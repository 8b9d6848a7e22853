using System.Text.Json;

namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>What a management client reported: the AWS error code it raised, or the operation's output.</summary>
public sealed record ManagementAnswer(string? Error, JsonElement Result)
{
    public static ManagementAnswer Of(JsonElement printed) =>
        printed.TryGetProperty("error", out var error) ? new(error.GetString(), default) : new(null, printed.GetProperty("result"));

    /// <summary>Fails the test with the error when the operation did not succeed.</summary>
    public JsonElement Succeeded()
    {
        Assert.True(Error is null, $"the operation failed with {Error}");
        return Result;
    }
}
