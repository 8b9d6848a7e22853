using System.Globalization;
using System.Text.Json;
using OrleansGateway.Errors;

namespace OrleansGateway.Edge.ControlPlane;

/// <summary>A matched control-plane request: URI parameters, body and paging, and the way to answer.</summary>
public sealed class WireRequest(HttpContext context, IReadOnlyDictionary<string, string> uriParameters)
{
    public HttpContext Context => context;

    public IGrainFactory Grains => context.RequestServices.GetRequiredService<IGrainFactory>();

    /// <summary>A <c>{name}</c> of the URI template, decoded.</summary>
    public string this[string name] => uriParameters[name];

    /// <summary>The JSON body as <typeparamref name="T"/>; an empty body is an empty object.</summary>
    public Task<T> ReadBodyAsync<T>()
        where T : new() => ReadBodyAsync<T>(WireJson.Options);

    /// <summary>The JSON body as <typeparamref name="T"/> read with a protocol's own JSON setup; an empty body is an empty object.</summary>
    public async Task<T> ReadBodyAsync<T>(JsonSerializerOptions options)
        where T : new()
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        if (body.Length == 0)
        {
            return new T();
        }

        try
        {
            return JsonSerializer.Deserialize<T>(body.GetBuffer().AsSpan(0, (int)body.Length), options) ?? new T();
        }
        catch (JsonException e)
        {
            throw ApiGatewayException.BadRequest($"Invalid request body: {e.Message}");
        }
    }

    /// <summary>One page of <paramref name="items"/> as <c>{"items": [...], "nextToken": ...}</c> (maxResults, nextToken).</summary>
    public Task WritePageAsync<T>(IReadOnlyList<T> items)
    {
        var query = context.Request.Query;
        var start = 0;
        if (query["nextToken"].ToString() is { Length: > 0 } token && !TryDecodeToken(token, out start))
        {
            throw ApiGatewayException.BadRequest("Invalid pagination token specified");
        }

        var size = items.Count;
        if (query["maxResults"].ToString() is { Length: > 0 } maxResults
            && (!int.TryParse(maxResults, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1))
        {
            throw ApiGatewayException.BadRequest("Invalid maxResults specified");
        }

        var page = items.Skip(start).Take(size).ToList();
        var next = start + page.Count < items.Count ? EncodeToken(start + page.Count) : null;
        return WriteAsync(StatusCodes.Status200OK, new WirePage<T>(page, next));
    }

    public Task WriteAsync<T>(int statusCode, T body) => WriteAsync(statusCode, body, WireJson.Options);

    /// <summary>Answers with <paramref name="body"/> written with a protocol's own JSON setup.</summary>
    public Task WriteAsync<T>(int statusCode, T body, JsonSerializerOptions options)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(body, options, "application/json", context.RequestAborted);
    }

    /// <summary>Answers with the status alone, no body (apigateway's 202 and 204 deletes).</summary>
    public Task WriteStatusAsync(int statusCode)
    {
        context.Response.StatusCode = statusCode;
        return Task.CompletedTask;
    }

    public Task WriteNoContentAsync()
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    // Tokens are opaque to clients, as AWS's are; inside, the offset of the next item.
    private static string EncodeToken(int offset) =>
        Convert.ToBase64String(BitConverter.GetBytes(offset));

    private static bool TryDecodeToken(string token, out int offset)
    {
        Span<byte> bytes = stackalloc byte[8];
        offset = 0;
        if (!Convert.TryFromBase64String(token, bytes, out var written) || written != sizeof(int))
        {
            return false;
        }

        offset = BitConverter.ToInt32(bytes);
        return offset >= 0;
    }

    private sealed record WirePage<T>(List<T> Items, string? NextToken);
}
