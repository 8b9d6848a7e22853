namespace OrleansGateway.Core.Tests.Vtl;

public sealed class ReferenceTests
{
    private static readonly Dictionary<string, object?> Person = new()
    {
        ["name"] = "Ada",
        ["tags"] = new List<object?> { "a", "b", "c" },
        ["address"] = new Dictionary<string, object?> { ["city"] = "London", ["zip"] = "N1" },
    };

    [Theory]
    [InlineData("Hello $name!", "Hello Ada!")]
    [InlineData("Hello ${name}!", "Hello Ada!")]
    [InlineData("Hello $!name!", "Hello Ada!")]
    [InlineData("${name}ette", "Adaette")]
    [InlineData("$person.address.city", "London")]
    [InlineData("$person.tags[1]", "b")]
    [InlineData("$person.tags[-1]", "c")]
    [InlineData("$person.address[\"zip\"]", "N1")]
    [InlineData("$person.address['zip']", "N1")]
    [InlineData("$person.tags.size()", "3")]
    [InlineData("$person.name.toUpperCase().substring(1)", "DA")]
    [InlineData("${person.name.length()}x", "3x")]
    [InlineData("$name.", "Ada.")]
    [InlineData("$name.length", "$name.length")]
    public void ReferencesResolveLikeVelocity(string template, string expected)
    {
        var variables = new Dictionary<string, object?> { ["name"] = "Ada", ["person"] = Person };
        Assert.Equal(expected, Vtl.Velocity(template, variables));
    }

    [Theory]
    [InlineData("[$missing]", "[$missing]")]
    [InlineData("[$!missing]", "[]")]
    [InlineData("[${missing}]", "[${missing}]")]
    [InlineData("[$!{missing}]", "[]")]
    [InlineData("[$missing.foo.bar()]", "[$missing.foo.bar()]")]
    [InlineData("[$map.put('k', 'v')]", "[$map.put('k', 'v')]")]
    public void UndefinedReferencesRenderTheirSourceInVelocityMode(string template, string expected)
    {
        var variables = new Dictionary<string, object?> { ["map"] = new Dictionary<string, object?>() };
        Assert.Equal(expected, Vtl.Velocity(template, variables));
    }

    [Theory]
    [InlineData("[$missing]", "[]")]
    [InlineData("[$missing.foo]", "[]")]
    [InlineData("\"$input.path('$.nothing')\"", "\"\"")]
    public void NullReferencesRenderEmptyAsApiGatewayDoes(string template, string expected)
    {
        Assert.Equal(expected, Vtl.Render(template, body: "{\"a\":1}"));
    }

    [Theory]
    [InlineData("\\$name", "$name")]
    [InlineData("\\\\$name", "\\Ada")]
    [InlineData("\\\\\\$name", "\\$name")]
    [InlineData("\\$missing", "\\$missing")]
    [InlineData("\\\\$missing", "\\\\$missing")]
    [InlineData("a\\b", "a\\b")]
    [InlineData("\\$5.00", "\\$5.00")]
    [InlineData("$5.00", "$5.00")]
    [InlineData("$", "$")]
    [InlineData("a $ b", "a $ b")]
    public void BackslashesEscapeReferencesAsVelocity17Does(string template, string expected)
    {
        var variables = new Dictionary<string, object?> { ["name"] = "Ada" };
        Assert.Equal(expected, Vtl.Velocity(template, variables));
    }

    [Fact]
    public void HyphenIsPartOfAnIdentifierInVelocity17()
    {
        var variables = new Dictionary<string, object?> { ["first"] = "Ada", ["last"] = "Lovelace", ["first-name"] = "A" };
        Assert.Equal("A $last-Lovelace", Vtl.Velocity("$first-name $last-$last", variables));
    }

    [Fact]
    public void IndexOutOfRangeFailsTheRender()
    {
        var variables = new Dictionary<string, object?> { ["list"] = new List<object?> { 1 } };
        var error = Assert.Throws<OrleansGateway.Vtl.VtlRenderException>(() => Vtl.Render("x $list[3]", variables: variables));
        Assert.Contains("Index: 3, Size: 1", error.Message);
        Assert.Contains("line 1", error.Message);
    }

    [Theory]
    [InlineData("#set($a = 'g')#foreach($a in [1, 2])$a#end$a", "12g")]
    [InlineData("#foreach($a in [1, 2])$a#end[$a]", "12[]")]
    [InlineData("#set($a = 'g')$a#macro(m $a)$a#end#m('p')$a", "gpg")]
    [InlineData("#set($a = 1)$a#set($b = 2)$a$b#set($a = 3)$a$b", "11232")]
    public void VariablesReadAfterEveryKindOfChange(string template, string expected) =>
        Assert.Equal(expected, Vtl.Render(template));
}
