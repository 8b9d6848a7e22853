using OrleansGateway.Vtl;

namespace OrleansGateway.Core.Tests.Vtl;

public sealed class DirectiveTests
{
    [Theory]
    [InlineData("#set($a = 1)$a", "1")]
    [InlineData("#set( $a = \"x\" )$a", "x")]
    [InlineData("#{set}($a = 2)$a", "2")]
    [InlineData("#set($a = 1)#set($a = $missing)$a", "1")]
    [InlineData("#set($m = {})#set($m.k = 'v')$m.k $m", "v {k=v}")]
    [InlineData("#set($m = {'a': 1})#set($m['b'] = 2)$m", "{a=1, b=2}")]
    [InlineData("#set($l = [1, 2])#set($l[0] = 9)#set($l[-1] = 8)$l", "[9, 8]")]
    public void SetAssigns(string template, string expected) => Assert.Equal(expected, Vtl.Render(template));

    [Theory]
    [InlineData("#if(true)yes#end", "yes")]
    [InlineData("#if(false)yes#else no#end", " no")]
    [InlineData("#if(false)a#elseif(true)b#else c#end", "b")]
    [InlineData("#if($missing)a#{else}b#{end}", "b")]
    [InlineData("#if('')empty is true in 1.7#end", "empty is true in 1.7")]
    [InlineData("#if(0)zero is true#end", "zero is true")]
    [InlineData("#if(!$missing)not#end", "not")]
    [InlineData("#if($a && $b)x#elseif($a || $b)y#end", "y")]
    [InlineData("#if($a and not $b)x#end", "x")]
    [InlineData("#if (true) spaced#end", " spaced")]
    public void IfChoosesABranch(string template, string expected)
    {
        var variables = new Dictionary<string, object?> { ["a"] = true, ["b"] = false };
        Assert.Equal(expected, Vtl.Render(template, variables: variables));
    }

    [Theory]
    [InlineData("#foreach($i in [1..3])$i#end", "123")]
    [InlineData("#foreach($i in [3..1])$i#end", "321")]
    [InlineData("#foreach($i in ['a','b'])$foreach.index$foreach.count$foreach.hasNext $velocityCount #end", "01true 1 12false 2 ")]
    [InlineData("#foreach($i in [1,2,3])$i#if($foreach.hasNext),#end#end", "1,2,3")]
    [InlineData("#foreach($i in [1..5])#if($i == 3)#break#end$i#end", "12")]
    [InlineData("#foreach($i in [1,2])#foreach($j in ['a','b'])$i$j$foreach.parent.index #end#end", "1a0 1b0 2a1 2b1 ")]
    [InlineData("#foreach($v in {'a': 1, 'b': 2})$v#end", "12")]
    [InlineData("#foreach($x in $missing)never#end", "")]
    [InlineData("#foreach($x in 'abc')never#end", "")]
    [InlineData("#foreach($i in [1..3])#if($foreach.first)F#end#if($foreach.last)L#end#end", "FL")]
    [InlineData("#set($i = 'kept')#foreach($i in [1,2])#end$i", "kept")]
    public void ForeachIterates(string template, string expected) => Assert.Equal(expected, Vtl.Render(template));

    [Fact]
    public void ForeachVariableIsRemovedAfterTheLoop() =>
        Assert.Equal("$i", Vtl.Velocity("#foreach($i in [1,2])#end$i"));

    [Fact]
    public void NullInsideLoopKeepsThePreviousValueOfASetVariable()
    {
        // The Velocity 1.x behaviour API Gateway users trip over: #set with a null value is skipped.
        const string body = """[{"n":"a"},{},{"n":"c"}]""";
        var output = Vtl.Render("#foreach($e in $input.path('$'))#set($n = $e.n)$n#end", body);
        Assert.Equal("aac", output);
    }

    [Fact]
    public void ForeachStopsAtTheIterationLimit()
    {
        var template = VtlTemplate.Compile("#foreach($i in [1..50])x#end", new VtlLimits { MaxForeachIterations = 7 });
        Assert.Equal("xxxxxxx", template.Render(new VtlRenderContext()));
    }

    [Fact]
    public void ForeachDefaultLimitIsOneThousand()
    {
        var output = Vtl.Render("#foreach($i in [1..5000])$i,#end");
        Assert.Equal(1000, output.Split(',', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.EndsWith("1000,", output);
    }

    [Theory]
    [InlineData("a#stop b", "a")]
    [InlineData("#foreach($i in [1..3])$i#if($i == 2)#stop#end#end after", "12")]
    public void StopEndsTheRender(string template, string expected) => Assert.Equal(expected, Vtl.Render(template));

    [Theory]
    [InlineData("#macro(greet $who)Hi $who!#end#greet('Ada')", "Hi Ada!")]
    [InlineData("#macro(pair $a $b)[$a,$b]#end#pair(1 2)#pair(3, 4)", "[1,2][3,4]")]
    [InlineData("#macro(noargs)x#end#noargs()#noargs()", "xx")]
    [InlineData("#greet('before definition')#macro(greet $who)Hi $who#end", "Hi before definition")]
    [InlineData("#macro(m $a)#set($global = $a)#end#m('set inside')$global", "set inside")]
    [InlineData("#macro(m $a)$a#end#m($missing)", "$missing")]
    [InlineData("#undefined('x') #notamacro", "#undefined('x') #notamacro")]
    [InlineData("#macro(list $items)#foreach($i in $items)<$i>#end#end#list([1,2])", "<1><2>")]
    public void MacrosExpand(string template, string expected) => Assert.Equal(expected, Vtl.Velocity(template));

    [Fact]
    public void RecursiveMacroIsBoundedByDepth()
    {
        var error = Assert.Throws<VtlRenderException>(() => Vtl.Render("#macro(r $n)#r($n)#end#r(1)"));
        Assert.Contains("maximum depth of 20", error.Message);
    }

    [Fact]
    public void RecursiveDefineIsBoundedByDepth()
    {
        var error = Assert.Throws<VtlRenderException>(() => Vtl.Render("#define($a)$a#end$a"));
        Assert.Contains("maximum depth", error.Message);
    }

    [Theory]
    [InlineData("#define($block)Hello $name#end#set($name = 'Ada')$block", "Hello Ada")]
    [InlineData("#define($b)x#end#set($s = \"[$b]\")$s", "[x]")]
    public void DefineRendersLazily(string template, string expected) => Assert.Equal(expected, Vtl.Render(template));

    [Theory]
    [InlineData("a## comment\nb", "ab")]
    [InlineData("a #* block\ncomment *#b", "a b")]
    [InlineData("#** doc *#x", "x")]
    [InlineData("#[[ $not #if(parsed) ]]#", " $not #if(parsed) ")]
    [InlineData("\\#if(true)", "#if(true)")]
    [InlineData("\\\\#if(true)x#end", "\\x")]
    [InlineData("\\#foo", "\\#foo")]
    [InlineData("# not a directive #1 #", "# not a directive #1 #")]
    [InlineData("color: #ff0000;", "color: #ff0000;")]
    public void CommentsAndEscapes(string template, string expected) => Assert.Equal(expected, Vtl.Render(template));
}
