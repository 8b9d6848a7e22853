using System.Net;
using System.Text.Json;

namespace OrleansGateway.EndToEnd.Tests.Infrastructure;

/// <summary>What the admin endpoint answered: status, JSON body and AWS error type (null on success).</summary>
public sealed record AdminAnswer(HttpStatusCode Status, JsonElement Body, string? ErrorType)
{
    public bool Acknowledged => (int)Status is >= 200 and < 300;
}
