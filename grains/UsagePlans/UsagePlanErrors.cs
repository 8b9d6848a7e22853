using OrleansGateway.Errors;

namespace OrleansGateway.UsagePlans;

/// <summary>AWS's words for usage plan errors.</summary>
public static class UsagePlanErrors
{
    public static readonly IReadOnlyList<string> Periods = ["DAY", "WEEK", "MONTH"];

    public static ApiGatewayException NotFound() => ApiGatewayException.NotFound("Invalid Usage Plan ID specified");

    public static ApiGatewayException KeyNotFound() => ApiGatewayException.NotFound("Invalid API Key identifier specified");

    // No AWS wording found for this one; said in AWS's "Invalid ... specified" style.
    public static ApiGatewayException InvalidOffset(int offset, int? limit) =>
        ApiGatewayException.BadRequest(limit is { } max
            ? $"Invalid quota offset specified: {offset}. The offset must be 0 or more and less than the quota limit ({max})"
            : $"Invalid quota offset specified: {offset}. The offset must be 0 or more");

    public static ApiGatewayException UnknownPeriod(string period) =>
        new("ValidationException", 400, $"1 validation error detected: Value '{period}' at 'quota.period' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", Periods)}]");
}
