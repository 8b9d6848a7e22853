using CsCheck;
using OrleansGateway.Vtl;

namespace OrleansGateway.Core.Tests.Vtl;

/// <summary>
/// Property: whatever the source, compiling either succeeds or throws <see cref="VtlParseException"/>, and
/// rendering either succeeds or throws <see cref="VtlRenderException"/>, within bounded time. Inputs mix VTL
/// fragments (so the generator reaches deep parser states) with arbitrary characters. Interesting inputs
/// live in corpus/ and are replayed on every run.
/// </summary>
public sealed class ParserFuzzTests
{
    private static readonly VtlLimits Limits = new() { MaxRenderTime = TimeSpan.FromMilliseconds(250) };

    private static readonly string[] Fragments =
    [
        "$", "$a", "$!a", "${a}", "$!{a", "$input.path('$')", "$input.json('$.a')", "$input.params('x')", "$util.parseJson($s)",
        ".b", ".c()", "(", ")", "[", "]", "{", "}", "[0]", "[-1]", "['k']", "[1..3]", ",", ":", " ", "\n", "\t", "\r\n",
        "#set(", "#set($a = ", "#if(", "#elseif(", "#else", "#end", "#{end}", "#foreach($i in ", " in ", "#break", "#stop",
        "#macro(m $p)", "#m(", "#define($d)", "$d", "##", "#*", "*#", "#[[", "]]#", "\\", "\\\\", "\\$", "\\#",
        "\"", "'", "\"$a\"", "'x'", "1", "-2", "3.5", "true", "false", "null", "+", "-", "*", "/", "%", "==", "!=",
        "<", ">=", "&&", "||", "!", "and", "not", "eq", "$foreach.hasNext", "$velocityCount", "$context.responseOverride.status",
        "$a.put('k', $a)", "$a.add($a)", "$s.replaceAll('(a', 'b')", "$s.split(',')", "$s.substring(9)", "#", "=",
    ];

    private static readonly Gen<string> FragmentTemplates = Gen.OneOf(Fragments).Array[0, 40].Select(string.Concat);

    private static readonly Gen<string> CharacterTemplates =
        Gen.Char["$#\\(){}[]\"'.!=<>&|*,:+-/% \n\tabkm01in"].Array[0, 120].Select(chars => new string(chars));

    private static readonly Gen<string> ArbitraryTemplates = Gen.Char.Array[0, 80].Select(chars => new string(chars));

    [Fact]
    public void FragmentTemplatesFailOnlyWithVtlExceptions() => FragmentTemplates.Sample(CompileAndRender, iter: 4000);

    [Fact]
    public void CharacterTemplatesFailOnlyWithVtlExceptions() => CharacterTemplates.Sample(CompileAndRender, iter: 4000);

    [Fact]
    public void ArbitraryTemplatesFailOnlyWithVtlExceptions() => ArbitraryTemplates.Sample(CompileAndRender, iter: 2000);

    [Theory]
    [MemberData(nameof(Corpus))]
    public void CorpusTemplatesFailOnlyWithVtlExceptions(string file) =>
        CompileAndRender(File.ReadAllText(Path.Combine(CorpusDirectory, file)));

    [Fact]
    public void CorpusIsPresent() => Assert.True(Corpus().Count >= 10);

    public static TheoryData<string> Corpus() =>
        new(Directory.GetFiles(CorpusDirectory, "*.vtl").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal));

    private static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Vtl", "corpus");

    private static void CompileAndRender(string source)
    {
        VtlTemplate template;
        try
        {
            template = VtlTemplate.Compile(source, Limits);
        }
        catch (VtlParseException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
            return;
        }

        try
        {
            template.Render(new VtlRenderContext
            {
                Body = """[{"a":1,"b":"x"},{"a":2.5,"b":null,"c":[1,{"d":true}]}]""",
                QueryString = new Dictionary<string, string> { ["x"] = "y" },
                Variables = new Dictionary<string, object?> { ["s"] = "a,b,{\"k\":1}" },
            });
        }
        catch (VtlRenderException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
    }
}
