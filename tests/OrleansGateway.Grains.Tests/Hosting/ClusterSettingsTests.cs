using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using OrleansGateway.Hosting;

namespace OrleansGateway.Grains.Tests.Hosting;

/// <summary>
/// The membership settings a cluster silo runs with, read from the built host: failover stays near
/// a second and a half, and a silo is only declared dead on more than one missed probe and one vote.
/// </summary>
public sealed class ClusterSettingsTests
{
    [Fact]
    public void ClusterSilo_NeedsThreeMissedProbesAndTwoVotes_WithinAboutASecondAndAHalf()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => silo.UseGatewayCluster(new GatewaySiloOptions
        {
            ConnectionString = "UseDevelopmentStorage=true",
            SiloPort = 11111,
            GatewayPort = 30000,
        }));
        using var host = builder.Build();

        var membership = host.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;

        // Orleans sends the last probe before a suspicion through another silo; with a limit of
        // two, one direct miss plus that indirect probe's two votes evicted a healthy silo.
        Assert.True(membership.NumMissedProbesLimit >= 3, $"NumMissedProbesLimit {membership.NumMissedProbesLimit}");
        Assert.Equal(2, membership.NumVotesForDeathDeclaration);
        Assert.True(membership.EnableIndirectProbes);
        var detection = membership.ProbeTimeout * membership.NumMissedProbesLimit;
        Assert.InRange(detection, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
    }
}
