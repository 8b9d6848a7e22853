using OrleansGateway.Patching;

namespace OrleansGateway.Core.Tests.Patching;

public sealed class PatchPathTests
{
    [Fact]
    public void EscapedSlash_StaysInsideItsSegment()
    {
        Assert.Equal(["requestTemplates", "application/json"], PatchPath.Segments("/requestTemplates/application~1json"));
    }

    [Fact]
    public void EscapedTilde_IsUnescapedAfterTheSlash()
    {
        // "~01" is a tilde followed by "1", not a slash (RFC 6901's order).
        Assert.Equal(["variables", "a~1b"], PatchPath.Segments("/variables/a~01b"));
    }

    [Fact]
    public void RootPath_HasNoSegments()
    {
        Assert.Empty(PatchPath.Segments("/"));
    }

    [Fact]
    public void EscapedResourcePath_RoundTrips()
    {
        Assert.Equal("~1pets~1{id}", PatchPath.Escape("/pets/{id}"));
        Assert.Equal("/pets/{id}", PatchPath.Unescape("~1pets~1{id}"));
    }

    [Fact]
    public void UnsupportedOp_IsWordedAsAws()
    {
        Assert.Equal("Invalid patch path  '/name' specified for op 'add'. Please choose supported operations", PatchErrors.UnsupportedOp("/name", "add").Message);
        Assert.Equal("Invalid patch path  '/x' specified for op 'replace'. Must be one of: [/name, /description]",
            PatchErrors.InvalidPathForOp("/x", "replace", ["/name", "/description"]).Message);
    }
}
