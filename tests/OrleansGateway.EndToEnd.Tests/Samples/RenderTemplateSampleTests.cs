using System.Diagnostics;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.Samples;

/// <summary>The README's render-template command, run as the user runs it (its own process).</summary>
public sealed class RenderTemplateSampleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("og-render-").FullName;

    [Fact]
    public async Task PetStoreSample_RendersAwsTransformedList()
    {
        var result = await RunAsync(
            Path.Combine(RepositoryLayout.Root, "samples", "templates", "pets.vtl"),
            Path.Combine(RepositoryLayout.Root, "samples", "templates", "pets.json"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """
            [
              {
                "description" : "Item 1 is a dog.",
                "askingPrice" : 249.99
              },
              {
                "description" : "Item 2 is a cat.",
                "askingPrice" : 124.99
              },
              {
                "description" : "Item 3 is a fish.",
                "askingPrice" : 0.99
              }
            ]

            """,
            result.Stdout.ReplaceLineEndings("\n").TrimEnd('\n') + "\n");
    }

    [Fact]
    public async Task ParametersStageVariablesAndContext_ReachTheTemplate()
    {
        var template = Write("t.vtl", """{"who":"$util.escapeJavaScript($input.path('$.name'))","page":"$input.params('page')","v":"$stageVariables.v","p":"$context.authorizer.principalId","ip":"$context.identity.sourceIp","stage":"$context.stage","none":"$context.authorizer.missing"}""");
        var body = Write("body.json", """{"name":"O\"Brien"}""");

        var result = await RunAsync(template, body, "--query", "page=2", "--stage-variable", "v=blue", "--context", "authorizer.principalId=user-1");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""{"who":"O\"Brien","page":"2","v":"blue","p":"user-1","ip":"127.0.0.1","stage":"test","none":""}""", result.Stdout.Trim());
    }

    [Fact]
    public async Task ResponseOverrides_AreReportedOnStandardError()
    {
        var template = Write("o.vtl", """#set($context.responseOverride.status = 418)#set($context.responseOverride.header.X-Teapot = "yes")short and stout""");

        var result = await RunAsync(template);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("short and stout", result.Stdout.Trim());
        Assert.Contains("responseOverride.status: 418", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("responseOverride.header.X-Teapot: yes", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TemplateError_IsOneLineNamingThePlace_AndExitsOne()
    {
        var template = Write("bad.vtl", "line one\nx #set($a = )\n");

        var result = await RunAsync(template);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("render-template: ", line, StringComparison.Ordinal);
        Assert.EndsWith("at line 2, column 13", line, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static Task<ProcessResult> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(RepositoryLayout.RenderTemplateAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return ProcessRun.RunAsync(start, TimeSpan.FromSeconds(60));
    }
}
