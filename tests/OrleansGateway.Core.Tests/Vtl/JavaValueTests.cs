using System.Globalization;
using CsCheck;
using OrleansGateway.Vtl;

namespace OrleansGateway.Core.Tests.Vtl;

public sealed class JavaValueTests
{
    [Theory]
    [InlineData("$s.length()", "11")]
    [InlineData("$s.substring(6)", "World")]
    [InlineData("$s.substring(0, 5)", "Hello")]
    [InlineData("$s.indexOf('o')", "4")]
    [InlineData("$s.indexOf('o', 5)", "7")]
    [InlineData("$s.lastIndexOf('o')", "7")]
    [InlineData("$s.indexOf('zz')", "-1")]
    [InlineData("$s.replace('l', 'L')", "HeLLo WorLd")]
    [InlineData("$s.replace('', '-')", "-H-e-l-l-o- -W-o-r-l-d-")]
    [InlineData("$s.replaceAll('[aeiou]', '*')", "H*ll* W*rld")]
    [InlineData("$s.replaceAll('(\\w+) (\\w+)', '$2 $1')", "World Hello")]
    [InlineData("$s.replaceAll('o', '\\$')", "Hell$ W$rld")]
    [InlineData("$s.replaceFirst('l', '')", "Helo World")]
    [InlineData("$s.toLowerCase()", "hello world")]
    [InlineData("$s.toUpperCase()", "HELLO WORLD")]
    [InlineData("$padded.trim()|", "x|")]
    [InlineData("$s.contains('lo W')", "true")]
    [InlineData("$s.startsWith('Hell')", "true")]
    [InlineData("$s.startsWith('World', 6)", "true")]
    [InlineData("$s.endsWith('d')", "true")]
    [InlineData("$s.matches('H.*d')", "true")]
    [InlineData("$s.matches('World')", "false")]
    [InlineData("$s.matches('\\p{Upper}\\p{Lower}+ \\p{Upper}\\p{Lower}+')", "true")]
    [InlineData("$s.matches('\\P{Digit}+')", "true")]
    [InlineData("$s.matches('H\\w++ World')", "true")]
    [InlineData("$s.equals('Hello World')", "true")]
    [InlineData("$s.equals(1)", "false")]
    [InlineData("$s.equalsIgnoreCase('hello world')", "true")]
    [InlineData("$s.isEmpty()", "false")]
    [InlineData("$s.empty", "false")]
    [InlineData("$s.charAt(4)", "o")]
    [InlineData("$s.concat('!')", "Hello World!")]
    [InlineData("$s.split(' ').size()", "2")]
    [InlineData("$s.split(' ')[1]", "World")]
    [InlineData("$csv.split(',').size()", "3")]
    [InlineData("#foreach($p in $csv.split(','))<$p>#end", "<a><><b>")]
    [InlineData("$s.hashCode()", "-862545276")]
    [InlineData("$s.compareTo('Hello')", "6")]
    public void StringMethodsBehaveLikeJava(string template, string expected)
    {
        var variables = new Dictionary<string, object?> { ["s"] = "Hello World", ["padded"] = " \t x \n", ["csv"] = "a,,b,," };
        Assert.Equal(expected, Vtl.Render(template, variables: variables));
    }

    [Fact]
    public void SplitArrayPrintsLikeAJavaArray() =>
        Assert.StartsWith("[Ljava.lang.String;@", Vtl.Render("$s.split(',')", variables: new Dictionary<string, object?> { ["s"] = "a,b" }));

    [Theory]
    [InlineData("$s.substring(20)", "String index out of range: -9")]
    [InlineData("$s.substring(3, 1)", "String index out of range: -2")]
    [InlineData("$s.charAt(99)", "String index out of range: 99")]
    [InlineData("$s.contains($missing)", "NullPointerException")]
    [InlineData("$s.replaceAll('(', 'x')", "Invalid regular expression")]
    public void StringMethodExceptionsFailTheRender(string template, string message)
    {
        var variables = new Dictionary<string, object?> { ["s"] = "Hello World" };
        var error = Assert.Throws<VtlRenderException>(() => Vtl.Render(template, variables: variables));
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("$m.get('a')", "1")]
    [InlineData("$m.a", "1")]
    [InlineData("$m['a']", "1")]
    [InlineData("$m.put('c', 3)|$m", "$m.put('c', 3)|{a=1, b=2, c=3}")]
    [InlineData("$m.put('a', 9)|$m", "1|{a=9, b=2}")]
    [InlineData("$m.keySet()", "[a, b]")]
    [InlineData("$m.values()", "[1, 2]")]
    [InlineData("$m.entrySet()", "[a=1, b=2]")]
    [InlineData("#foreach($e in $m.entrySet())$e.key:$e.value;#end", "a:1;b:2;")]
    [InlineData("$m.containsKey('b')", "true")]
    [InlineData("$m.containsKey('z')", "false")]
    [InlineData("$m.containsValue(2)", "true")]
    [InlineData("$m.size()", "2")]
    [InlineData("$m.isEmpty()", "false")]
    [InlineData("$m.remove('a')|$m", "1|{b=2}")]
    [InlineData("$m.getOrDefault('z', 0)", "0")]
    [InlineData("$m.size", "$m.size")]
    [InlineData("$m.missing", "$m.missing")]
    [InlineData("$m.nosuchmethod()", "$m.nosuchmethod()")]
    public void MapMethodsBehaveLikeJava(string template, string expected)
    {
        var map = new Dictionary<string, object?> { ["a"] = 1, ["b"] = 2 };
        Assert.Equal(expected, Vtl.Velocity(template, new Dictionary<string, object?> { ["m"] = map }));
    }

    [Theory]
    [InlineData("$l.get(0)", "x")]
    [InlineData("$l.add('z')|$l", "true|[x, y, z]")]
    [InlineData("#set($d = $l.add(0, 'w'))$l", "[w, x, y]")]
    [InlineData("$l.contains('y')", "true")]
    [InlineData("$l.contains('q')", "false")]
    [InlineData("$l.size()", "2")]
    [InlineData("$l.isEmpty()", "false")]
    [InlineData("$l.indexOf('y')", "1")]
    [InlineData("$l.remove(0)|$l", "x|[y]")]
    [InlineData("$l.remove('y')|$l", "true|[x]")]
    [InlineData("$l.set(1, 'Y')|$l", "y|[x, Y]")]
    [InlineData("$l.subList(1, 2)", "[y]")]
    [InlineData("#set($d = $l.addAll(['p', 'q']))$l", "[x, y, p, q]")]
    [InlineData("$l.empty", "false")]
    public void ListMethodsBehaveLikeJava(string template, string expected)
    {
        var list = new List<object?> { "x", "y" };
        Assert.Equal(expected, Vtl.Velocity(template, new Dictionary<string, object?> { ["l"] = list }));
    }

    [Fact]
    public void NestedCollectionsPrintInJavaForm()
    {
        var value = new Dictionary<string, object?>
        {
            ["list"] = new List<object?> { 1, 2.5, null, "s", new Dictionary<string, object?>() },
            ["flag"] = true,
            ["n"] = null,
        };
        Assert.Equal("{list=[1, 2.5, null, s, {}], flag=true, n=null}", Vtl.Render("$v", variables: new Dictionary<string, object?> { ["v"] = value }));
    }

    [Fact]
    public void SelfContainingListPrintsAsJavaDoes() =>
        Assert.Equal("[1, (this Collection)]", Vtl.Render("#set($l = [1])#set($d = $l.add($l))$l"));

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(100.0, "100.0")]
    [InlineData(1234567.0, "1234567.0")]
    [InlineData(12345678.0, "1.2345678E7")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0005, "5.0E-4")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(249.99, "249.99")]
    [InlineData(1e21, "1.0E21")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(1.0 / 3, "0.3333333333333333")]
    [InlineData(9999999.999, "9999999.999")]
    [InlineData(0.00123, "0.00123")]
    [InlineData(-0.001, "-0.001")]
    [InlineData(123456.789012345, "123456.789012345")]
    [InlineData(1234567.89012345, "1234567.89012345")]
    [InlineData(0.1234567890123456, "0.1234567890123456")]
    public void DoublesPrintLikeJava(double value, string expected) =>
        Assert.Equal(expected, Vtl.Render("$d", variables: new Dictionary<string, object?> { ["d"] = value }));

    /// <summary>
    /// In Java's plain range, <c>Double.toString</c> is the shortest decimal that converts back to the value,
    /// with ".0" on whole numbers: .NET's "R" gives those digits, so it is the oracle for both the short
    /// decimals JSON carries (mantissa and scale) and arbitrary doubles.
    /// </summary>
    [Fact]
    public void PlainRangeDoublesPrintTheShortestRoundTripDigits()
    {
        var decimals = Gen.Select(Gen.Long[1, 999_999_999_999_999], Gen.Int[0, 18], Gen.Bool)
            .Select((mantissa, scale, negative) => (negative ? -1 : 1) * double.Parse($"{mantissa}E-{scale}", CultureInfo.InvariantCulture));
        var arbitrary = Gen.Double[1e-3, 1e7];
        Gen.OneOf(decimals, arbitrary)
            .Where(value => Math.Abs(value) is >= 1e-3 and < 1e7)
            .Sample(value =>
            {
                var shortest = value.ToString("R", CultureInfo.InvariantCulture);
                var expected = shortest.Contains('.', StringComparison.Ordinal) ? shortest : shortest + ".0";
                Assert.Equal(expected, Vtl.Render("$d", variables: new Dictionary<string, object?> { ["d"] = value }));
            }, iter: 20_000);
    }

    [Fact]
    public void CallerNumbersOfOtherTypesBehaveAsJavaNumbers()
    {
        var variables = new Dictionary<string, object?> { ["s"] = (short)3, ["f"] = 1.5f, ["m"] = 2.25m, ["u"] = 7u };
        Assert.Equal("4 2.5 3.25 14", Vtl.Render("#set($a = $s + 1)#set($b = $f + 1)#set($c = $m + 1)#set($e = $u * 2)$a $b $c $e", variables: variables));
    }
}
