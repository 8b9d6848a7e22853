using OrleansGateway.Vtl;

namespace OrleansGateway.Core.Tests.Vtl;

public sealed class SafetyTests
{
    [Fact]
    public void TemplateOverTheSizeLimitIsRejected()
    {
        var source = new string('x', 300 * 1024 + 1);
        var error = Assert.Throws<VtlParseException>(() => VtlTemplate.Compile(source));
        Assert.Contains("limit of 307200 bytes", error.Message);
        Assert.Equal(300 * 1024, VtlTemplate.Compile(new string('x', 300 * 1024)).Render(new VtlRenderContext()).Length);
    }

    [Fact]
    public void SizeLimitCountsUtf8Bytes() =>
        Assert.Throws<VtlParseException>(() => VtlTemplate.Compile(new string('é', 600), new VtlLimits { MaxTemplateBytes = 1000 }));

    [Theory]
    [InlineData("#if(true)", 1, 1)]
    [InlineData("ok\n  #foreach($i in $l)\nx", 2, 3)]
    [InlineData("#set($a = )", 1, 11)]
    [InlineData("#set($a 1)", 1, 9)]
    [InlineData("#end", 1, 1)]
    [InlineData("#else", 1, 1)]
    [InlineData("$a.b(1,", 1, 8)]
    [InlineData("#* never closed", 1, 1)]
    [InlineData("#[[ never closed", 1, 1)]
    [InlineData("#set($a = \"unterminated)", 1, 11)]
    [InlineData("#include('x')", 1, 1)]
    public void ParseErrorsNameLineAndColumn(string source, int line, int column)
    {
        var error = Assert.Throws<VtlParseException>(() => VtlTemplate.Compile(source));
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains($"line {line}, column {column}", error.Message);
    }

    [Fact]
    public void DeeplyNestedDirectivesAreRejectedNotOverflowed()
    {
        var source = string.Concat(Enumerable.Repeat("#if(true)", 5000)) + string.Concat(Enumerable.Repeat("#end", 5000));
        var error = Assert.Throws<VtlParseException>(() => VtlTemplate.Compile(source));
        Assert.Contains("nested too deeply", error.Message);
    }

    [Fact]
    public void DeeplyNestedExpressionsAreRejectedNotOverflowed()
    {
        var source = "#set($a = " + new string('(', 5000) + "1" + new string(')', 5000) + ")";
        Assert.Throws<VtlParseException>(() => VtlTemplate.Compile(source));
        Assert.Throws<VtlParseException>(() => VtlTemplate.Compile("#set($a = " + string.Concat(Enumerable.Repeat("!", 5000)) + "true)"));
        Assert.Throws<VtlParseException>(() => VtlTemplate.Compile("#set($a = " + new string('[', 5000) + ")"));
    }

    [Fact]
    public void DeeplyNestedStringLiteralsAreRejected()
    {
        var source = "#set($a = \"" + string.Concat(Enumerable.Repeat("#set($b = \"\"", 200)) + "\")";
        Assert.Throws<VtlParseException>(() => VtlTemplate.Compile(source));
    }

    [Fact]
    public void RunawayRenderIsStoppedByTheTimeLimit()
    {
        var template = VtlTemplate.Compile(
            "#foreach($a in [1..1000])#foreach($b in [1..1000])#foreach($c in [1..1000])x#end#end#end",
            new VtlLimits { MaxRenderTime = TimeSpan.FromMilliseconds(200), MaxOutputChars = int.MaxValue });
        var started = System.Diagnostics.Stopwatch.StartNew();
        var error = Assert.Throws<VtlRenderException>(() => template.Render(new VtlRenderContext()));
        Assert.Contains("longer than", error.Message);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
    }

    [Fact]
    public void OutputIsBounded()
    {
        var template = VtlTemplate.Compile("#foreach($a in [1..1000])#foreach($b in [1..1000])xxxxxxxxxx#end#end", new VtlLimits { MaxOutputChars = 100_000 });
        Assert.Throws<VtlRenderException>(() => template.Render(new VtlRenderContext()));
    }

    [Fact]
    public void StringDoublingIsBounded()
    {
        // The time limit is lifted so that the character bound, not a busy machine's clock, stops it.
        var template = VtlTemplate.Compile("#set($s = 'ab')#foreach($i in [1..100])#set($s = \"$s$s\")#end$s.length()", new VtlLimits { MaxRenderTime = TimeSpan.FromSeconds(60) });
        var error = Assert.Throws<VtlRenderException>(() => template.Render(new VtlRenderContext()));
        Assert.Contains("characters", error.Message);
    }

    [Fact]
    public void StringConcatenationWithPlusIsBounded() =>
        Assert.Throws<VtlRenderException>(() => Vtl.Render("#set($s = 'ab')#foreach($i in [1..100])#set($s = $s + $s)#end"));

    [Fact]
    public void HugeRangeIsRefused() =>
        Assert.Throws<VtlRenderException>(() => Vtl.Render("#foreach($i in [1..2000000000])#end"));

    [Fact]
    public void DeeplyNestedJsonBodyFailsCleanly()
    {
        var body = new string('[', 10_000) + new string(']', 10_000);
        Assert.Throws<VtlRenderException>(() => Vtl.Render("$input.path('$')", body));
    }

    [Fact]
    public void CyclicCollectionsPrintWithoutOverflow()
    {
        var error = Assert.Throws<VtlRenderException>(() => Vtl.Render("#set($a = [])#set($b = [$a])#set($d = $a.add($b))$a"));
        Assert.Contains("nested too deeply", error.Message);
    }

    [Fact]
    public void PathologicalRegexEndsInBoundedTime()
    {
        var variables = new Dictionary<string, object?> { ["s"] = new string('x', 40) };
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            Assert.Equal("false", Vtl.Render("$s.matches('(x+x+)+y')", variables: variables));
        }
        catch (VtlRenderException e)
        {
            Assert.Contains("too long", e.Message);
        }

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
    }

    [Fact]
    public void ReadOnlyContextMapsFailAsRenderErrors()
    {
        var context = new Dictionary<string, object?> { ["fixed"] = System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(new Dictionary<string, object?> { ["a"] = 1 }) };
        Assert.Throws<VtlRenderException>(() => Vtl.Render("#set($context.fixed.a = 2)", context: context));
        Assert.Throws<VtlRenderException>(() => Vtl.Render("$context.fixed.put('a', 2)", context: context));
    }
}
