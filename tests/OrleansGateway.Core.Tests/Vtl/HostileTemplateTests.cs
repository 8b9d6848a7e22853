using OrleansGateway.Vtl;

namespace OrleansGateway.Core.Tests.Vtl;

/// <summary>
/// Templates written to exhaust the host inside a single step, where the render-time and output
/// checks between nodes cannot see: each must fail as a render error, quickly, without building
/// the value it asks for.
/// </summary>
public sealed class HostileTemplateTests
{
    [Fact]
    public void ReplaceThatWouldBuildGigabytes_IsRefusedBeforeAllocating()
    {
        // 32,768 'a's each replaced by the whole string: a billion characters.
        var error = Assert.Throws<VtlRenderException>(() =>
            Vtl.Render("#set($s = 'a')#foreach($i in [1..15])#set($s = \"$s$s\")#end#set($t = $s.replace('a', $s))$t.length()"));
        Assert.Contains("String longer than", error.Message);
    }

    [Fact]
    public void ReplaceOfTheEmptyTarget_IsBoundedToo() =>
        Assert.Contains("String longer than", Assert.Throws<VtlRenderException>(() =>
            Vtl.Render("#set($s = 'a')#foreach($i in [1..15])#set($s = \"$s$s\")#end#set($t = $s.replace('', $s))")).Message);

    [Fact]
    public void SharedSublistsPrintedAsText_StopAtTheTextLimit()
    {
        // [$l, $l] thirty times over: 2^30 leaves behind 30 lists.
        var error = Assert.Throws<VtlRenderException>(() =>
            Vtl.Render("#set($l = [])#foreach($i in [1..30])#set($l = [$l, $l])#end$l.toString().length()"));
        Assert.Contains("String longer than", error.Message);
    }

    [Fact]
    public void SharedSubmapsPrinted_StopAtTheTextLimit() =>
        Assert.Throws<VtlRenderException>(() =>
            Vtl.Render("#set($m = {})#foreach($i in [1..40])#set($n = {})#set($d = $n.put('a', $m))#set($d = $n.put('b', $m))#set($m = $n)#end$m"));

    [Fact]
    public void ListDoubledByAddAll_StopsAtTheElementLimit()
    {
        var template = VtlTemplate.Compile(
            "#set($l = [1])#foreach($i in [1..40])#set($c = [])#set($d = $c.addAll($l))#set($d = $l.addAll($c))#end$l.size()",
            new VtlLimits { MaxRenderTime = TimeSpan.FromMinutes(5) });
        var error = Assert.Throws<VtlRenderException>(() => template.Render(new VtlRenderContext()));
        Assert.Contains("grew past", error.Message);
    }

    [Fact]
    public void LargeCollectionsFromTheBody_StayUsable()
    {
        var body = "[" + string.Join(',', Enumerable.Repeat("1", 1_200_000)) + "]";
        Assert.Equal("1200000", Vtl.Render("#set($l = $util.parseJson($input.body))$l.size()", body));
    }
}
