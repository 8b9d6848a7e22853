using System.Security.Cryptography;
using OrleansGateway.WebSockets;

namespace OrleansGateway.Core.Tests.WebSockets;

public sealed class ConnectionIdsTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void Created_LooksLikeAws_AndNamesItsEdge()
    {
        var id = ConnectionIds.Create(4711, 42, Key);

        Assert.Equal(16, id.Length);
        Assert.EndsWith("=", id);
        Assert.False(id.EndsWith("==", StringComparison.Ordinal));
        Assert.True(ConnectionIds.TryRead(id, Key, out var edgeId));
        Assert.Equal(4711, edgeId);
        Assert.Equal(4711, ConnectionIds.EdgeOf(id));
    }

    [Fact]
    public void ConsecutiveIds_ShareNoVisiblePrefix()
    {
        var first = ConnectionIds.Create(1, 1, Key);
        var second = ConnectionIds.Create(1, 2, Key);

        Assert.NotEqual(first[..4], second[..4]);
        Assert.NotEqual(first[4..8], second[4..8]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("L0SM9cOFvHcCIhw=")]
    [InlineData("not base64 at!!!")]
    [InlineData("L0SM9cOFvHcCIhw=L0SM")]
    public void MadeUpIds_AreRefused(string id)
    {
        Assert.False(ConnectionIds.TryRead(id, Key, out _));
    }

    [Fact]
    public void AnIdTaggedUnderAnotherKey_IsRefused()
    {
        var id = ConnectionIds.Create(7, 9, RandomNumberGenerator.GetBytes(32));

        Assert.False(ConnectionIds.TryRead(id, Key, out _));
    }

    [Fact]
    public void OneChangedCharacter_IsRefused()
    {
        var id = ConnectionIds.Create(7, 9, Key).ToCharArray();
        id[5] = id[5] == 'A' ? 'B' : 'A';

        Assert.False(ConnectionIds.TryRead(new string(id), Key, out _));
    }
}
