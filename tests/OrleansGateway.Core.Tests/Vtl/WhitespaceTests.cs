namespace OrleansGateway.Core.Tests.Vtl;

/// <summary>Velocity 1.7's whitespace gobbling, which decides the exact bytes of every rendered payload.</summary>
public sealed class WhitespaceTests
{
    [Fact]
    public void SetLineLeavesNothing() =>
        Assert.Equal("a\nb\n", Vtl.Render("a\n#set($x = 1)\nb\n"));

    [Fact]
    public void IndentedSetLeavesNothing() =>
        Assert.Equal("a\nb\n", Vtl.Render("a\n    #set($x = 1)\nb\n"));

    [Fact]
    public void SetAfterTextKeepsTheText() =>
        Assert.Equal("a   b", Vtl.Render("a  #set($x = 1) b"));

    [Fact]
    public void DirectiveLinesEatTheirLineBreakButNotTheirIndentation()
    {
        const string template = "[\n#foreach($i in [1,2])\n  #if($i == 1)\n    one\n  #else\n    other\n  #end\n#end\n]";
        Assert.Equal("[\n      one\n        other\n  ]", Vtl.Render(template));
    }

    [Fact]
    public void EndFollowedByTextKeepsTheText() =>
        Assert.Equal("x, y", Vtl.Render("#if(true)x#end, y"));

    [Fact]
    public void TrailingSpacesAfterDirectiveBeforeNewlineAreEaten() =>
        Assert.Equal("ab", Vtl.Render("#if(true)  \na#end   \nb"));

    [Fact]
    public void WindowsLineBreaksAreEatenWhole() =>
        Assert.Equal("a\r\nb", Vtl.Render("#set($x = 1)\r\na\r\n#if(true)\r\nb#end"));

    [Fact]
    public void ReferencesKeepSurroundingWhitespace() =>
        Assert.Equal("  1  \n", Vtl.Render("#set($a = 1)\n  $a  \n"));

    [Fact]
    public void MacroCallLineEatsItsLineBreak() =>
        Assert.Equal("xy", Vtl.Render("#macro(m)x#end\n#m()\ny"));
}
