using OrleansGateway.WebSockets;

namespace OrleansGateway.Core.Tests.WebSockets;

public sealed class GroupNamesTests
{
    [Theory]
    [InlineData("room")]
    [InlineData("Room-1_b.v2")]
    [InlineData("a")]
    [InlineData("...x")]
    public void NamesOfLettersDigitsDotsUnderscoresAndHyphens_AreValid(string name) => Assert.True(GroupNames.IsValid(name));

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("sp ace")]
    [InlineData("slash/ed")]
    [InlineData("bang!")]
    [InlineData("ümlaut")]
    public void OtherNames_AreRefused(string name) => Assert.False(GroupNames.IsValid(name));

    [Fact]
    public void NamesUpTo128Characters_AreValid()
    {
        Assert.True(GroupNames.IsValid(new string('g', GroupNames.MaxLength)));
        Assert.False(GroupNames.IsValid(new string('g', GroupNames.MaxLength + 1)));
    }

    [Fact]
    public void TheGrainKey_NamesApiStageAndGroup() => Assert.Equal("a1b2c3/prod/room", GroupNames.Key("a1b2c3", "prod", "room"));

    [Theory]
    [InlineData("a1b2c3/prod/room", "a1b2c3", "prod", true)]
    [InlineData("a1b2c3/prod/room", "a1b2c3", "pro", false)]
    [InlineData("a1b2c3/prod/room", "a1b2c", "prod", false)]
    [InlineData("a1b2c3/production/room", "a1b2c3", "prod", false)]
    [InlineData("a1b2c3/prod/", "a1b2c3", "prod", false)]
    [InlineData("x1b2c3/prod/room", "a1b2c3", "prod", false)]
    public void AGroupBelongsToOneStageOfOneApi(string groupKey, string apiId, string stage, bool belongs) =>
        Assert.Equal(belongs, GroupNames.BelongsTo(groupKey, apiId, stage));
}
