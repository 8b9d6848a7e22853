using OrleansGateway.Mapping.Context;
using OrleansGateway.Vtl;

// Renders an API Gateway mapping template the way the gateway does, for trying templates out:
//   render-template TEMPLATE_FILE [BODY_FILE|-] [--path k=v] [--query k=v] [--header k=v] [--stage-variable k=v]
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine("usage: TEMPLATE_FILE [BODY_FILE|-] [--path k=v] [--query k=v] [--header k=v] [--stage-variable k=v]");
    return 2;
}

var parameters = new Dictionary<string, Dictionary<string, string>>
{
    ["--path"] = [],
    ["--query"] = [],
    ["--header"] = [],
    ["--stage-variable"] = [],
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
    Console.WriteLine(template.Render(new VtlRenderContext
    {
        Body = body,
        PathParameters = parameters["--path"],
        QueryString = parameters["--query"],
        Headers = parameters["--header"],
        StageVariables = parameters["--stage-variable"],
        Context = context,
    }));
    return 0;
}
catch (Exception e) when (e is VtlParseException or VtlRenderException or IOException)
{
    Console.Error.WriteLine($"render-template: {e.Message}");
    return 1;
}
