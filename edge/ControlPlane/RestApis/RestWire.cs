using System.Globalization;
using System.Text;
using OrleansGateway.Errors;
using OrleansGateway.Patching;
using OrleansGateway.RestApis;

namespace OrleansGateway.Edge.ControlPlane.RestApis;

/// <summary>
/// How an apigateway (v1) operation reads and answers: bodies in <see cref="RestWireJson"/>,
/// <c>item</c>/<c>position</c>/<c>limit</c> paging, <c>patchOperations</c>, and the bodiless
/// 202 of its deletes. Errors stay the shared <see cref="WireErrors"/>.
/// </summary>
public static class RestWire
{
    /// <summary>AWS's page size when <c>limit</c> is not given, and the largest it accepts.</summary>
    public const int DefaultLimit = 25;

    public const int MaxLimit = 500;

    public static Task<T> ReadRestBodyAsync<T>(this WireRequest request)
        where T : new() => request.ReadBodyAsync<T>(RestWireJson.Options);

    public static Task WriteRestAsync<T>(this WireRequest request, int statusCode, T body) =>
        request.WriteAsync(statusCode, body, RestWireJson.Options);

    public static Task WriteOkAsync<T>(this WireRequest request, T body) => request.WriteRestAsync(StatusCodes.Status200OK, body);

    public static Task WriteCreatedAsync<T>(this WireRequest request, T body) => request.WriteRestAsync(StatusCodes.Status201Created, body);

    /// <summary>202 with no body: what apigateway's deletes and cache flushes answer.</summary>
    public static Task WriteAcceptedAsync(this WireRequest request) => request.WriteStatusAsync(StatusCodes.Status202Accepted);

    /// <summary>
    /// The patch operations of an <c>Update*</c> body; an op outside the model's enum is refused as
    /// AWS refuses it, naming <paramref name="inputName"/> (<c>updateRestApiInput</c>).
    /// </summary>
    public static async Task<List<PatchOperation>> ReadPatchOperationsAsync(this WireRequest request, string inputName)
    {
        var operations = (await request.ReadRestBodyAsync<PatchBody>()).PatchOperations ?? [];
        for (var i = 0; i < operations.Count; i++)
        {
            if (!PatchErrors.Ops.Contains(operations[i].Op))
            {
                throw PatchErrors.UnknownOp(operations[i].Op, inputName, i);
            }
        }

        return operations;
    }

    /// <summary>
    /// One page of <paramref name="items"/> as <c>{"item": [...], "position": ...}</c>: <c>limit</c>
    /// (1 to 500, 25 when absent) items from <c>position</c>, an opaque token of the next offset.
    /// </summary>
    public static Task WriteRestPageAsync<T>(this WireRequest request, IReadOnlyList<T> items)
    {
        var query = request.Context.Request.Query;
        var start = 0;
        if (query["position"].ToString() is { Length: > 0 } position && !TryDecodePosition(position, out start))
        {
            throw ApiGatewayException.BadRequest("Invalid position parameter");
        }

        var limit = DefaultLimit;
        if (query["limit"].ToString() is { Length: > 0 } text)
        {
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out limit))
            {
                throw ApiGatewayException.BadRequest($"Invalid limit parameter: {text}");
            }

            if (limit < 1)
            {
                throw ApiGatewayException.BadRequest($"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
            }

            if (limit > MaxLimit)
            {
                throw ApiGatewayException.BadRequest($"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to {MaxLimit}");
            }
        }

        var page = items.Skip(start).Take(limit).ToList();
        var next = start + page.Count < items.Count ? EncodePosition(start + page.Count) : null;
        return request.WriteOkAsync(new RestPage<T>(page, next));
    }

    // Positions are opaque to clients, as AWS's are; inside, the offset of the next item.
    private static string EncodePosition(int offset) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(offset.ToString(CultureInfo.InvariantCulture))).TrimEnd('=');

    private static bool TryDecodePosition(string position, out int offset)
    {
        offset = 0;
        var padded = position.PadRight(position.Length + ((4 - (position.Length % 4)) % 4), '=');
        Span<byte> bytes = stackalloc byte[16];
        return Convert.TryFromBase64String(padded, bytes, out var written)
            && int.TryParse(bytes[..written], NumberStyles.None, CultureInfo.InvariantCulture, out offset);
    }
}
