using OrleansGateway.JsonPath;
using OrleansGateway.Mapping.GatewayResponses;
using OrleansGateway.Mapping.Parameters;

namespace OrleansGateway.Mapping.HttpApi;

/// <summary>
/// A request or response body as HTTP API parameter mappings read it: <c>$request.body</c> is the whole
/// body, <c>$request.body.name</c> a JSON path into its first 100 KB (AWS truncates there before
/// selecting). Recursive descent and filter expressions are not supported (AWS); they, a body that is
/// not JSON and a path that matches nothing all give no value. Parsed at most once per body.
/// </summary>
public sealed class HttpApiMappingBody
{
    /// <summary>How much of a body a JSON path selects from.</summary>
    public const int MaxSelectedChars = 100 * 1024;

    private readonly string _text;
    private readonly MappingBody _selectable;

    public HttpApiMappingBody(string text)
    {
        _text = text;
        // A body that is not JSON fails the REST reader with an error; here it just has no values.
        _selectable = new MappingBody(text.Length > MaxSelectedChars ? text[..MaxSelectedChars] : text, GatewayError.InternalServerError());
    }

    /// <summary>The value for <paramref name="path"/> (what follows <c>body.</c>; empty for the whole body), or null.</summary>
    public string? Read(string path)
    {
        if (path.Length == 0)
        {
            return _text.Length == 0 ? null : _text;
        }

        if (path.Contains("..", StringComparison.Ordinal) || path.Contains("?(", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var value = _selectable.Read(path[0] == '[' ? "$" + path : "$." + path);
            return value.HasValue ? value.Values![0] : null;
        }
        catch (JsonPathException)
        {
            return null;
        }
    }
}
