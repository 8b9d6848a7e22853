using System.Net;
using OrleansGateway.Cluster.Tests.Infrastructure;

namespace OrleansGateway.Cluster.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ClusterTopologyTests(ClusterFixture cluster)
{
    [Fact]
    public async Task BothSilos_SeeEachOtherActive()
    {
        foreach (var silo in new[] { cluster.SiloA, cluster.SiloB })
        {
            var members = await silo.MembershipAsync();
            Assert.Equal("Active", members[cluster.SiloA.SiloPort]);
            Assert.Equal("Active", members[cluster.SiloB.SiloPort]);
        }
    }

    [Fact]
    public async Task BothEdges_AnswerHealthzOnBothEndpoints()
    {
        using var http = new HttpClient();
        foreach (var edge in new[] { cluster.EdgeA, cluster.EdgeB })
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(edge.DataUrl + "/healthz")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(edge.AdminUrl + "/healthz")).StatusCode);
        }
    }
}
