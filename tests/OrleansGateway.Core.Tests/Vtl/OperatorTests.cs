namespace OrleansGateway.Core.Tests.Vtl;

public sealed class OperatorTests
{
    [Theory]
    [InlineData("#set($x = 7 / 2)$x", "3")]
    [InlineData("#set($x = -7 / 2)$x", "-3")]
    [InlineData("#set($x = 7 % 3)$x", "1")]
    [InlineData("#set($x = 7.0 / 2)$x", "3.5")]
    [InlineData("#set($x = 1 + 2 * 3)$x", "7")]
    [InlineData("#set($x = (1 + 2) * 3)$x", "9")]
    [InlineData("#set($x = 2147483647 + 1)$x", "2147483648")]
    [InlineData("#set($x = 0.1 + 0.2)$x", "0.30000000000000004")]
    [InlineData("#set($x = 10.0 * 10)$x", "100.0")]
    [InlineData("#set($x = 1.0E10)$x", "1.0E10")]
    [InlineData("#set($x = 0.0001)$x", "1.0E-4")]
    [InlineData("#set($x = 5 - 3)$x", "2")]
    [InlineData("#set($x = -5)$x", "-5")]
    [InlineData("#set($x = 'a' + 1)$x", "a1")]
    [InlineData("#set($x = 1 + 'a')$x", "1a")]
    [InlineData("#set($x = 'a' + $missing)$x", "a$missing")]
    [InlineData("#set($x = 1)#set($x = $x + 1)$x", "2")]
    public void ArithmeticFollowsJava(string template, string expected) => Assert.Equal(expected, Vtl.Render(template));

    [Theory]
    [InlineData("#set($x = 1 / 0)[$!x]", "[]")]
    [InlineData("#set($x = 'a' * 2)[$!x]", "[]")]
    [InlineData("#set($x = $missing + 1)[$!x]", "[]")]
    public void InvalidArithmeticYieldsNull(string template, string expected) => Assert.Equal(expected, Vtl.Render(template));

    [Theory]
    [InlineData("1 == 1", true)]
    [InlineData("1 == 1.0", true)]
    [InlineData("1 == '1'", true)]
    [InlineData("'a' == 'a'", true)]
    [InlineData("'a' != 'b'", true)]
    [InlineData("true == 'true'", true)]
    [InlineData("[1, 2] == '[1, 2]'", true)]
    [InlineData("[1, 2] == [1, 2]", true)]
    [InlineData("$missing == $alsoMissing", true)]
    [InlineData("$missing == 1", false)]
    [InlineData("1 < 2", true)]
    [InlineData("2 <= 2", true)]
    [InlineData("3 > 2.5", true)]
    [InlineData("3 >= 4", false)]
    [InlineData("'a' < 'b'", false)]
    [InlineData("1 lt 2 and 2 gt 1", true)]
    [InlineData("1 le 1 && 1 ge 1", true)]
    [InlineData("1 eq 1 or false", true)]
    [InlineData("1 ne 1", false)]
    [InlineData("not true", false)]
    [InlineData("!false && !$missing", true)]
    [InlineData("false || 0", true)]
    public void ComparisonsFollowVelocity17(string condition, bool expected) =>
        Assert.Equal(expected ? "T" : "F", Vtl.Render($"#if({condition})T#{{else}}F#end"));

    [Theory]
    [InlineData("#set($l = [1, 'two', 3.5, true, [4], {'k': 'v'}])$l", "[1, two, 3.5, true, [4], {k=v}]")]
    [InlineData("#set($m = {'a': 1, 'b': [1, 2], 'c': {}})$m", "{a=1, b=[1, 2], c={}}")]
    [InlineData("#set($m = {})$m.isEmpty()", "true")]
    [InlineData("#set($r = [1..3])$r", "[1, 2, 3]")]
    [InlineData("#set($n = 3)#set($r = [$n..1])$r", "[3, 2, 1]")]
    [InlineData("#set($s = \"a$x\")$s", "a5")]
    [InlineData("#set($s = 'a$x')$s", "a$x")]
    [InlineData("#set($s = \"say \"\"hi\"\"\")$s", "say \"hi\"")]
    [InlineData("#set($s = 'it''s')$s", "it's")]
    [InlineData("#set($s = \"\\u0041\")$s", "A")]
    [InlineData("#set($s = \"a\\nb\")$s", "a\\nb")]
    [InlineData("#set($s = \"#if(true)yes#end\")$s", "yes")]
    [InlineData("#set($s = \"$!nothing.\")$s", ".")]
    [InlineData("#set($big = 3000000000)$big", "3000000000")]
    public void LiteralsBuildJavaValues(string template, string expected)
    {
        var variables = new Dictionary<string, object?> { ["x"] = 5 };
        Assert.Equal(expected, Vtl.Render(template, variables: variables));
    }

    [Fact]
    public void ListLiteralIsANewListEachTime() =>
        Assert.Equal("[1][1]", Vtl.Render("#foreach($i in [1,2])#set($l = [])#set($d = $l.add(1))$l#end"));

    [Fact]
    public void MapKeepsInsertionOrder() =>
        Assert.Equal("{z=1, a=2, m=3}", Vtl.Render("#set($m = {'z': 1, 'a': 2})#set($d = $m.put('m', 3))$m"));

    [Fact]
    public void HyphenatedNameInExpressionIsOneIdentifier()
    {
        // In Velocity 1.7 "$a-1" names the variable "a-1"; write "$a - 1" to subtract.
        var variables = new Dictionary<string, object?> { ["a"] = 5 };
        Assert.Equal("[]4", Vtl.Render("#set($x = $a-1)[$!x]#set($y = $a - 1)$y", variables: variables));
    }
}
