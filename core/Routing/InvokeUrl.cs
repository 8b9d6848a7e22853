namespace OrleansGateway.Routing;

/// <summary>
/// An invoke URL taken apart without allocating: which API it names and the path after the
/// API's base. The stage is explicit only in the <c>_user_request_</c> form; in the other two it is
/// chosen by <see cref="HttpApiStageSelector"/>, because an HTTP API's <c>$default</c> stage has no
/// path segment of its own.
/// </summary>
public readonly struct InvokeUrl
{
    private const string ExecuteApiLabel = ".execute-api.";
    private const string AwsPrefix = "/_aws/execute-api/";
    private const string RestApisPrefix = "/restapis/";
    private const string UserRequestSegment = "/_user_request_";

    private InvokeUrl(InvokeUrlForm form, ReadOnlyMemory<char> apiId, ReadOnlyMemory<char> stage, ReadOnlyMemory<char> path)
    {
        Form = form;
        ApiId = apiId;
        ExplicitStage = stage;
        Path = path;
    }

    public InvokeUrlForm Form { get; }

    public ReadOnlyMemory<char> ApiId { get; }

    /// <summary>The stage the URL names outright (<c>_user_request_</c> form); empty otherwise.</summary>
    public ReadOnlyMemory<char> ExplicitStage { get; }

    /// <summary>
    /// The path below the API's base, always starting with <c>/</c>: for the host and <c>_aws</c>
    /// forms it still holds the stage segment, if any; for <c>_user_request_</c> it does not.
    /// </summary>
    public ReadOnlyMemory<char> Path { get; }

    /// <summary>Reads <paramref name="host"/> (the Host header, port allowed) and <paramref name="path"/> (decoded request path).</summary>
    public static bool TryParse(string? host, string? path, out InvokeUrl url)
    {
        path = string.IsNullOrEmpty(path) ? "/" : path;
        if (TryParseHost(host, out var apiId))
        {
            url = new InvokeUrl(InvokeUrlForm.ExecuteApiHost, apiId, ReadOnlyMemory<char>.Empty, path.AsMemory());
            return true;
        }

        if (path.StartsWith(AwsPrefix, StringComparison.Ordinal))
        {
            var (id, rest) = SplitFirstSegment(path.AsMemory(AwsPrefix.Length));
            if (IsApiId(id.Span))
            {
                url = new InvokeUrl(InvokeUrlForm.AwsExecuteApiPath, id, ReadOnlyMemory<char>.Empty, rest);
                return true;
            }
        }
        else if (path.StartsWith(RestApisPrefix, StringComparison.Ordinal))
        {
            var (id, afterId) = SplitFirstSegment(path.AsMemory(RestApisPrefix.Length));
            if (IsApiId(id.Span) && afterId.Length > 1)
            {
                var (stage, afterStage) = SplitFirstSegment(afterId[1..]);
                var marker = afterStage.Span;
                if (stage.Length > 0 && marker.StartsWith(UserRequestSegment, StringComparison.Ordinal)
                    && (marker.Length == UserRequestSegment.Length || marker[UserRequestSegment.Length] == '/'))
                {
                    var rest = afterStage[UserRequestSegment.Length..];
                    url = new InvokeUrl(InvokeUrlForm.UserRequestPath, id, stage, rest.Length == 0 ? "/".AsMemory() : rest);
                    return true;
                }
            }
        }

        url = default;
        return false;
    }

    private static bool TryParseHost(string? host, out ReadOnlyMemory<char> apiId)
    {
        apiId = default;
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }

        var label = host.IndexOf(ExecuteApiLabel, StringComparison.OrdinalIgnoreCase);
        if (label <= 0 || label + ExecuteApiLabel.Length >= host.Length || !IsApiId(host.AsSpan(0, label)))
        {
            return false;
        }

        apiId = host.AsMemory(0, label);
        return true;
    }

    // Splits "id/rest..." into ("id", "/rest...") and "id" into ("id", "/").
    private static (ReadOnlyMemory<char> Segment, ReadOnlyMemory<char> Remainder) SplitFirstSegment(ReadOnlyMemory<char> text)
    {
        var slash = text.Span.IndexOf('/');
        return slash < 0 ? (text, "/".AsMemory()) : (text[..slash], text[slash..]);
    }

    // API IDs are short alphanumeric strings (AWS: 10 lowercase letters and digits); accept any
    // letters and digits so imported or hand-picked IDs work too.
    private static bool IsApiId(ReadOnlySpan<char> id)
    {
        if (id.IsEmpty || id.Length > 64)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
