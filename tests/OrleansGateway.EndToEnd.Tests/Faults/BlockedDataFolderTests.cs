using System.Net;
using OrleansGateway.EndToEnd.Tests.ControlPlane;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.Faults;

/// <summary>
/// A write the file system refuses, without privileges: a regular file where the domain-name
/// registry's folder belongs makes its writes fail with an I/O error, as a full or read-only disk
/// would, until it is removed. <see cref="FullDataFolderTests"/> covers a real full and read-only
/// folder where it can mount one.
/// </summary>
public sealed class BlockedDataFolderTests
{
    [Fact]
    public async Task UnwritableFolder_CreateDomainNameAnswers500_NothingIsKept_AndItWorksOnceTheFolderIsBack()
    {
        await using var edge = await EdgeHost.StartAsync();
        var aws = new ApiGatewayV2Cli(edge.AdminUrl);
        using var admin = new AdminHttp(edge.AdminUrl);
        await admin.CreateApiAsync("first write, so the folder exists");
        var blocker = Path.Combine(edge.DataPath, "domainnameregistry");
        Assert.False(Directory.Exists(blocker), "a domain name was written before the test blocked the folder");
        await File.WriteAllTextAsync(blocker, "not a folder");

        var refused = await admin.PostAsync("/v2/domainnames", new { domainName = "blocked.example.com" });
        Assert.Equal((HttpStatusCode.InternalServerError, "InternalServerErrorException"), (refused.Status, refused.ErrorType));
        Assert.Equal("Internal server error", refused.Body.GetProperty("message").GetString());
        Assert.Empty((await aws.JsonAsync("get-domain-names")).GetProperty("Items").EnumerateArray());

        File.Delete(blocker);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/v2/domainnames", new { domainName = "blocked.example.com" })).Status);
        Assert.True(Directory.Exists(blocker));
    }
}
