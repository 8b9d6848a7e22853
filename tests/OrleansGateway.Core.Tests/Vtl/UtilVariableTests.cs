using OrleansGateway.Vtl;

namespace OrleansGateway.Core.Tests.Vtl;

public sealed class UtilVariableTests
{
    [Theory]
    [InlineData("it's \"quoted\"", "it\\'s \\\"quoted\\\"")]
    [InlineData("a/b\\c", "a\\/b\\\\c")]
    [InlineData("line\nbreak\ttab\r\u0001", "line\\nbreak\\ttab\\r\\u0001")]
    [InlineData("café ☃", "caf\\u00E9 \\u2603")]
    public void EscapeJavaScriptMatchesCommonsLang(string input, string expected) =>
        Assert.Equal(expected, Vtl.Render("$util.escapeJavaScript($v)", variables: new Dictionary<string, object?> { ["v"] = input }));

    [Theory]
    [InlineData("a b&c=d/é~*._-", "a+b%26c%3Dd%2F%C3%A9%7E*._-")]
    [InlineData("", "")]
    public void UrlEncodeMatchesJavaUrlEncoder(string input, string expected)
    {
        var variables = new Dictionary<string, object?> { ["v"] = input };
        Assert.Equal(expected, Vtl.Render("$util.urlEncode($v)", variables: variables));
        Assert.Equal(input, Vtl.Render("$util.urlDecode($util.urlEncode($v))", variables: variables));
    }

    [Fact]
    public void UrlDecodeTurnsPlusIntoSpace() => Assert.Equal("a b/c", Vtl.Render("$util.urlDecode('a+b%2fc')"));

    [Fact]
    public void UrlDecodeRejectsBrokenEscapes() =>
        Assert.Throws<VtlRenderException>(() => Vtl.Render("$util.urlDecode('%zz')"));

    [Fact]
    public void Base64RoundTripsUtf8()
    {
        Assert.Equal("aGVsbG8gd8O2cmxk", Vtl.Render("$util.base64Encode('hello wörld')"));
        Assert.Equal("hello wörld", Vtl.Render("$util.base64Decode('aGVsbG8gd8O2cmxk')"));
    }

    [Fact]
    public void ParseJsonBuildsJavaMapsAndLists()
    {
        var variables = new Dictionary<string, object?> { ["json"] = """{"a":[1,2.5,true,null],"b":{"c":"x"}}""" };
        // Parsed like $input.path's payload (objects are maps, arrays json-smart JSONArrays printing as JSON); AWS
        // publishes no text of a parsed array, so this follows the same parser.
        Assert.Equal("{a=[1,2.5,true,null], b={c=x}} x 4", Vtl.Render("#set($o = $util.parseJson($json))$o $o.b.c $o.a.size()", variables: variables));
    }

    [Fact]
    public void ParseJsonOfInvalidTextFailsTheRender() =>
        Assert.Throws<VtlRenderException>(() => Vtl.Render("$util.parseJson('{oops')"));
}
