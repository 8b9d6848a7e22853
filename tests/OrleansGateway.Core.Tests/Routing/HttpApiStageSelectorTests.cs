using OrleansGateway.Routing;

namespace OrleansGateway.Core.Tests.Routing;

public sealed class HttpApiStageSelectorTests
{
    [Fact]
    public void FirstSegmentNamingAStage_SelectsIt()
    {
        Assert.True(HttpApiStageSelector.TrySelect(["$default", "prod"], "/prod/pets", out var stage, out var start));
        Assert.Equal("prod", stage);
        Assert.Equal("/pets", "/prod/pets"[start..]);
    }

    [Fact]
    public void StageSegmentAlone_LeavesAnEmptyRoutePath()
    {
        Assert.True(HttpApiStageSelector.TrySelect(["prod"], "/prod", out var stage, out var start));
        Assert.Equal("prod", stage);
        Assert.Equal(5, start);
    }

    [Fact]
    public void OtherFirstSegment_FallsBackToDefaultStage()
    {
        Assert.True(HttpApiStageSelector.TrySelect(["prod", "$default"], "/pets/1", out var stage, out var start));
        Assert.Equal("$default", stage);
        Assert.Equal(0, start);
    }

    [Fact]
    public void StageNamePrefix_IsNotAStageSegment()
    {
        Assert.False(HttpApiStageSelector.TrySelect(["prod"], "/production/pets", out _, out _));
    }

    [Fact]
    public void NoMatchingStageAndNoDefault_SelectsNothing()
    {
        Assert.False(HttpApiStageSelector.TrySelect(["prod", "beta"], "/pets", out _, out _));
        Assert.False(HttpApiStageSelector.TrySelect([], "/", out _, out _));
    }

    [Fact]
    public void DefaultStageName_IsNeverTakenFromThePath()
    {
        Assert.True(HttpApiStageSelector.TrySelect(["$default"], "/$default/pets", out var stage, out var start));
        Assert.Equal("$default", stage);
        Assert.Equal(0, start);
    }

    [Fact]
    public void DefaultStageName_IsTakenFromThePathWhenTheFormNamesItsStage()
    {
        Assert.True(HttpApiStageSelector.TrySelect(["$default", "prod"], "/$default/pets", out var stage, out var start, defaultStageMayBeNamed: true));
        Assert.Equal("$default", stage);
        Assert.Equal("/$default".Length, start);
    }

    [Fact]
    public void StageNames_AreCaseSensitive()
    {
        Assert.False(HttpApiStageSelector.TrySelect(["Prod"], "/prod/pets", out _, out _));
    }
}
