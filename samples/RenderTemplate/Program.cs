using OrleansGateway.Mapping.Context;
using OrleansGateway.Mapping.Templates;
using OrleansGateway.Vtl;

// Renders an API Gateway mapping template the way the gateway does, for trying templates out:
//   render-template TEMPLATE_FILE [BODY_FILE|-] [--path k=v] [--query k=v] [--header k=v] [--stage-variable k=v]
//                   [--context dotted.name=v]
// The output goes to stdout; what the template set in $context.responseOverride goes to stderr.
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine("usage: TEMPLATE_FILE [BODY_FILE|-] [--path k=v] [--query k=v] [--header k=v] [--stage-variable k=v] [--context dotted.name=v]");
    return 2;
}

var parameters = new Dictionary<string, Dictionary<string, string>>
{
    ["--path"] = [],
    ["--query"] = [],
    ["--header"] = [],
    ["--stage-variable"] = [],
    ["--context"] = [],
};
string? bodyFile = null;
for (var i = 1; i < args.Length; i++)
{
    if (parameters.TryGetValue(args[i], out var target) && i + 1 < args.Length && args[i + 1].Split('=', 2) is [var key, var value])
    {
        target[key] = value;
        i++;
    }
    else if (bodyFile is null && !args[i].StartsWith("--", StringComparison.Ordinal))
    {
        bodyFile = args[i];
    }
    else
    {
        Console.Error.WriteLine($"render-template: unexpected argument '{args[i]}'");
        return 2;
    }
}

try
{
    var template = VtlTemplate.Compile(File.ReadAllText(args[0]));
    var body = bodyFile switch
    {
        null => string.Empty,
        "-" => Console.In.ReadToEnd(),
        _ => File.ReadAllText(bodyFile),
    };
    // $context as the REST data plane fills it for a test invocation of stage "test".
    var requestId = Guid.NewGuid().ToString();
    var context = ContextVariables.Rest(new RestContextInputs
    {
        ApiId = "testapi",
        Stage = "test",
        RequestId = requestId,
        ExtendedRequestId = requestId,
        AccountId = "000000000000",
        HttpMethod = "POST",
        Path = "/test/",
        ResourcePath = "/",
        Protocol = "HTTP/1.1",
        DomainName = "testapi.execute-api.localhost",
        RequestTime = DateTimeOffset.UtcNow,
        Identity = new CallerIdentity
        {
            SourceIp = "127.0.0.1",
            UserAgent = parameters["--header"].FirstOrDefault(h => h.Key.Equals("User-Agent", StringComparison.OrdinalIgnoreCase)).Value,
        },
    });
    foreach (var (name, value) in parameters["--context"])
    {
        SetContextValue(context, name, value);
    }

    Console.WriteLine(template.Render(new VtlRenderContext
    {
        Body = body,
        PathParameters = parameters["--path"],
        QueryString = parameters["--query"],
        Headers = parameters["--header"],
        StageVariables = parameters["--stage-variable"],
        Context = context,
    }));
    if (TemplateOverrides.ResponseStatus(context) is { } status)
    {
        Console.Error.WriteLine($"responseOverride.status: {status}");
    }

    foreach (var (name, value) in TemplateOverrides.ResponseHeaders(context))
    {
        Console.Error.WriteLine($"responseOverride.header.{name}: {value}");
    }

    return 0;
}
catch (Exception e) when (e is VtlParseException or VtlRenderException or IOException)
{
    Console.Error.WriteLine($"render-template: {e.Message}");
    return 1;
}

// `authorizer.principalId=u1` sets $context.authorizer.principalId, making the maps on the way.
static void SetContextValue(Dictionary<string, object?> context, string dottedName, string value)
{
    var names = dottedName.Split('.');
    IDictionary<string, object?> map = context;
    foreach (var name in names[..^1])
    {
        if (!map.TryGetValue(name, out var next) || next is not IDictionary<string, object?> inner)
        {
            inner = new Dictionary<string, object?>(StringComparer.Ordinal);
            map[name] = inner;
        }

        map = inner;
    }

    map[names[^1]] = value;
}
