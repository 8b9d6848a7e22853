using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane;

/// <summary>
/// Custom domain names and API mappings with the AWS CLI, as in its examples
/// (create-domain-name.rst, create-api-mapping.rst, ...), as the control plane keeps them; how the
/// data plane routes by them is in <c>DataPlane/CustomDomainNameDataPlaneTests</c>.
/// </summary>
public sealed class DomainNameTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>
{
    private const string Certificate = "arn:aws:acm:us-west-2:123456789012:certificate/123456789012-1234-1234-1234-12345678";

    private readonly ApiGatewayV2Cli _aws = new(fixture.Edge.AdminUrl);

    [Fact]
    public async Task DomainNamesAndApiMappings_AsInTheExamples()
    {
        var domain = await _aws.JsonAsync("create-domain-name", "--domain-name", "regional.example.com",
            "--domain-name-configurations", "CertificateArn=" + Certificate);
        Assert.Equal(("regional.example.com", "$request.basepath"), (domain.GetProperty("DomainName").GetString(), domain.GetProperty("ApiMappingSelectionExpression").GetString()));
        var configuration = Assert.Single(domain.GetProperty("DomainNameConfigurations").EnumerateArray().ToList());
        Assert.Equal((Certificate, "REGIONAL", "TLS_1_2", "AVAILABLE"), (
            configuration.GetProperty("CertificateArn").GetString(), configuration.GetProperty("EndpointType").GetString(),
            configuration.GetProperty("SecurityPolicy").GetString(), configuration.GetProperty("DomainNameStatus").GetString()));
        Assert.StartsWith("d-", configuration.GetProperty("ApiGatewayDomainName").GetString());
        var duplicate = await _aws.RunAsync("create-domain-name", "--domain-name", "regional.example.com");
        Assert.Contains("(ConflictException) when calling the CreateDomainName operation", duplicate.Stderr);

        var apiId = (await _aws.JsonAsync("create-api", "--name", "mapped", "--protocol-type", "HTTP")).GetProperty("ApiId").GetString()!;
        await _aws.JsonAsync("create-stage", "--api-id", apiId, "--stage-name", "test");
        await _aws.JsonAsync("create-stage", "--api-id", apiId, "--stage-name", "dev");

        var mapping = await _aws.JsonAsync("create-api-mapping", "--domain-name", "regional.example.com", "--api-mapping-key", "myApi", "--api-id", apiId, "--stage", "test");
        Assert.Equal(["ApiId", "ApiMappingId", "ApiMappingKey", "Stage"], mapping.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList());
        var mappingId = mapping.GetProperty("ApiMappingId").GetString()!;
        var taken = await _aws.RunAsync("create-api-mapping", "--domain-name", "regional.example.com", "--api-mapping-key", "myApi", "--api-id", apiId, "--stage", "dev");
        Assert.Contains("(ConflictException) when calling the CreateApiMapping operation", taken.Stderr);
        var noStage = await _aws.RunAsync("create-api-mapping", "--domain-name", "regional.example.com", "--api-mapping-key", "x", "--api-id", apiId, "--stage", "nope");
        Assert.Contains("(NotFoundException) when calling the CreateApiMapping operation", noStage.Stderr);

        var updated = await _aws.JsonAsync("update-api-mapping", "--api-id", apiId, "--stage", "dev", "--domain-name", "regional.example.com",
            "--api-mapping-id", mappingId, "--api-mapping-key", "dev");
        Assert.Equal(("dev", "dev"), (updated.GetProperty("Stage").GetString(), updated.GetProperty("ApiMappingKey").GetString()));
        Assert.Equal("dev", (await _aws.JsonAsync("get-api-mapping", "--api-mapping-id", mappingId, "--domain-name", "regional.example.com")).GetProperty("ApiMappingKey").GetString());
        Assert.Equal(mappingId, Single(await _aws.JsonAsync("get-api-mappings", "--domain-name", "regional.example.com")).GetProperty("ApiMappingId").GetString());
        Assert.Contains((await _aws.JsonAsync("get-domain-names")).GetProperty("Items").EnumerateArray(), d => d.GetProperty("DomainName").GetString() == "regional.example.com");

        await _aws.OkAsync("delete-api-mapping", "--api-mapping-id", mappingId, "--domain-name", "regional.example.com");
        Assert.Empty((await _aws.JsonAsync("get-api-mappings", "--domain-name", "regional.example.com")).GetProperty("Items").EnumerateArray());
        await _aws.OkAsync("delete-domain-name", "--domain-name", "regional.example.com");
        var gone = await _aws.RunAsync("get-domain-name", "--domain-name", "regional.example.com");
        Assert.Contains("(NotFoundException) when calling the GetDomainName operation", gone.Stderr);
    }

    [Fact]
    public async Task MutualTlsAuthentication_IsRefusedUntilTheEdgeEnforcesIt()
    {
        var created = await _aws.RunAsync("create-domain-name", "--domain-name", "mtls.example.com",
            "--mutual-tls-authentication", "TruststoreUri=s3://bucket-name/key-name");
        Assert.Contains("(BadRequestException) when calling the CreateDomainName operation: Mutual TLS authentication is not supported", created.Stderr);
        Assert.Contains("(NotFoundException)", (await _aws.RunAsync("get-domain-name", "--domain-name", "mtls.example.com")).Stderr);

        await _aws.JsonAsync("create-domain-name", "--domain-name", "mtls.example.com");
        var updated = await _aws.RunAsync("update-domain-name", "--domain-name", "mtls.example.com",
            "--mutual-tls-authentication", "TruststoreUri=s3://bucket-name/key-name");
        Assert.Contains("(BadRequestException) when calling the UpdateDomainName operation", updated.Stderr);
        var domain = await _aws.JsonAsync("get-domain-name", "--domain-name", "mtls.example.com");
        Assert.False(domain.TryGetProperty("MutualTlsAuthentication", out _));
        await _aws.OkAsync("delete-domain-name", "--domain-name", "mtls.example.com");
    }

    private static JsonElement Single(JsonElement page) => Assert.Single(page.GetProperty("Items").EnumerateArray().ToList());
}
