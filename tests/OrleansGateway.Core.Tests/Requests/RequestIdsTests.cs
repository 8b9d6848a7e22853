namespace OrleansGateway.Core.Tests.Requests;

public sealed class RequestIdsTests
{
    [Fact]
    public void NextUuid_IsAVersion4Uuid_InTheStandardForm()
    {
        for (var i = 0; i < 1_000; i++)
        {
            var id = RequestIds.NextUuid();

            Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id);
        }
    }

    [Fact]
    public void NextUuid_DoesNotRepeat()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => RequestIds.NextUuid()).ToHashSet();

        Assert.Equal(10_000, ids.Count);
    }

    [Fact]
    public void Next_IsSixteenBase64Characters()
    {
        Assert.Matches("^[A-Za-z0-9+/]{16}$", RequestIds.Next());
    }
}
