using System.Globalization;
using System.Text;

// The benchmark's origin: a bare Kestrel server answering every request with the same small JSON body,
// so that what the proxies in front of it add is what the benchmark measures. GET or POST /pets answers
// the 100-item list that the REST target's response template reshapes (the body of the VTL benchmark,
// bench/OrleansGateway.Bench.Vtl), so the REST route's template work is measured on a realistic payload.
// URL: first argument, else BENCH_BACKEND_URL, else http://127.0.0.1:5100.
var url = args.FirstOrDefault(a => !a.StartsWith('-')) ?? Environment.GetEnvironmentVariable("BENCH_BACKEND_URL") ?? "http://127.0.0.1:5100";

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls(url);

var app = builder.Build();
var body = """{"message":"hello from the benchmark backend"}"""u8.ToArray();
var pets = PetList();
app.Run(async context =>
{
    var answer = context.Request.Path.Equals("/pets", StringComparison.Ordinal) ? pets : body;
    if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
    {
        // A request template's output: read it as a real backend would, so the keep-alive connection stays usable.
        await context.Request.Body.CopyToAsync(Stream.Null);
    }

    context.Response.StatusCode = StatusCodes.Status200OK;
    context.Response.ContentType = "application/json";
    context.Response.ContentLength = answer.Length;
    await context.Response.Body.WriteAsync(answer);
});

await app.RunAsync();

// [{"id":1,"type":"fish","price":2.24,"stock":1}, ...]: the same 100 items as the VTL benchmark's body.
static byte[] PetList()
{
    string[] types = ["dog", "cat", "fish", "bird"];
    var list = new StringBuilder("[");
    for (var i = 1; i <= 100; i++)
    {
        if (i > 1)
        {
            list.Append(',');
        }

        list.Append(CultureInfo.InvariantCulture, $"{{\"id\":{i},\"type\":\"{types[i % 4]}\",\"price\":{i * 1.25 + 0.99},\"stock\":{i % 3}}}");
    }

    return Encoding.UTF8.GetBytes(list.Append(']').ToString());
}
