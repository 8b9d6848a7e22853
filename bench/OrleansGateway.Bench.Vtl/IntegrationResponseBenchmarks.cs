using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using OrleansGateway.Vtl;

namespace OrleansGateway.Bench.Vtl;

/// <summary>
/// A typical integration response template: a backend's 100-item JSON list reshaped with #foreach.
/// Each render parses the body (as a request would), walks it and writes the new payload.
/// </summary>
[MemoryDiagnoser]
public class IntegrationResponseBenchmarks
{
    private const string Template = """
        #set($inputRoot = $input.path('$'))
        {
          "count": $inputRoot.size(),
          "items": [
        #foreach($elem in $inputRoot)
            {
              "id": "$elem.id",
              "description": "Item $elem.id is a $elem.type.",
              "askingPrice": $elem.price,
              "available": #if($elem.stock > 0)true#{else}false#end
            }#if($foreach.hasNext),#end

        #end
          ],
          "requestId": "$context.requestId"
        }
        """;

    private static readonly string[] Types = ["dog", "cat", "fish", "bird"];

    private VtlTemplate _template = null!;
    private VtlTemplate _parseOnly = null!;
    private VtlRenderContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        var body = new StringBuilder("[");
        for (var i = 1; i <= 100; i++)
        {
            if (i > 1)
            {
                body.Append(',');
            }

            body.Append(CultureInfo.InvariantCulture, $"{{\"id\":{i},\"type\":\"{Types[i % 4]}\",\"price\":{i * 1.25 + 0.99},\"stock\":{i % 3}}}");
        }

        body.Append(']');
        _template = VtlTemplate.Compile(Template);
        _parseOnly = VtlTemplate.Compile("$input.path('$').size()");
        _context = new VtlRenderContext
        {
            Body = body.ToString(),
            Context = new Dictionary<string, object?> { ["requestId"] = "c0ffee00-0000-4000-8000-000000000000" },
        };
    }

    [Benchmark]
    public string RenderPetList() => _template.Render(_context);

    /// <summary>The body-parsing share of <see cref="RenderPetList"/>: the same body, a template that only parses it.</summary>
    [Benchmark]
    public string ParseBodyOnly() => _parseOnly.Render(_context);

    [Benchmark]
    public VtlTemplate CompileTemplate() => VtlTemplate.Compile(Template);
}
