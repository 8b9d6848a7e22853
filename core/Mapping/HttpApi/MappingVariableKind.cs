namespace OrleansGateway.Mapping.HttpApi;

/// <summary>Where a parameter-mapping value comes from (AWS "Transforming API requests and responses" for HTTP APIs).</summary>
public enum MappingVariableKind
{
    /// <summary><c>$request.header.name</c>: case-insensitive, several values joined with commas.</summary>
    RequestHeader,

    /// <summary><c>$request.querystring.name</c>: case-sensitive, several values joined with commas.</summary>
    RequestQueryString,

    /// <summary><c>$request.path</c>: the request path without the stage.</summary>
    RequestPath,

    /// <summary><c>$request.path.name</c>: a path variable of the matched route.</summary>
    RequestPathParameter,

    /// <summary><c>$request.body.path</c>: a JSON path into the request body.</summary>
    RequestBody,

    /// <summary><c>$context.name</c>: a context variable.</summary>
    Context,

    /// <summary><c>$response.header.name</c>: a header of the integration's response.</summary>
    ResponseHeader,

    /// <summary><c>$response.body.path</c>: a JSON path into the integration's response body.</summary>
    ResponseBody,
}
