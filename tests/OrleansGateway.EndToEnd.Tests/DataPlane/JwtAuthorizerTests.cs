using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using OrleansGateway.EndToEnd.Tests.ControlPlane;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.DataPlane;

/// <summary>
/// HTTP API routes with a JWT authorizer, as AWS's "Controlling access to HTTP APIs with JWT
/// authorizers" describes them: a real edge, a real OIDC issuer on loopback, the API made with the
/// real AWS CLI, and requests over real sockets.
/// </summary>
public sealed class JwtAuthorizerTests(JwtAuthorizerFixture fixture) : IClassFixture<JwtAuthorizerFixture>, IDisposable
{
    private const string InvalidToken = "Bearer scope=\"\" error=\"invalid_token\"";

    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task NoToken_Returns401Unauthorized()
    {
        using var response = await GetAsync("/jwt/orders", token: null);

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, """{"message":"Unauthorized"}""");
        Assert.Equal("Bearer", Challenge(response));
    }

    [Theory]
    [InlineData("Bearer ")]
    [InlineData("")]
    public async Task ValidToken_BareOrAfterBearer_IsForwardedToTheIntegration(string prefix)
    {
        var token = fixture.Issuer.Issue(new() { ["sub"] = "user-42", ["aud"] = JwtAuthorizerFixture.Audience });

        using var response = await GetAsync("/jwt/orders/7", prefix + token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = await EchoedRequest.ReadAsync(response);
        Assert.Equal("/orders/7", echoed.Path);
        Assert.Equal(prefix + token, echoed.Header("authorization"));
    }

    [Fact]
    public async Task ClaimsOfTheToken_AreAvailableToParameterMapping()
    {
        var token = fixture.Issuer.Issue(new()
        {
            ["sub"] = "user-42",
            ["aud"] = JwtAuthorizerFixture.Audience,
            ["groups"] = new[] { "admin", "ops" },
        });

        using var response = await GetAsync("/jwt/me", "Bearer " + token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = await EchoedRequest.ReadAsync(response);
        Assert.Equal("user-42", echoed.Header("x-user"));
        Assert.Equal("[admin ops]", echoed.Header("x-groups"));
    }

    [Fact]
    public async Task AccessTokenWithoutAud_IsAcceptedByItsClientId()
    {
        var token = fixture.Issuer.Issue(new() { ["sub"] = "machine", ["client_id"] = JwtAuthorizerFixture.Audience });

        using var response = await GetAsync("/jwt/orders", "Bearer " + token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task BadSignature_Returns401()
    {
        // Signed by a key the issuer never published, under the kid of one it did.
        using var forger = RSA.Create(2048);
        var token = fixture.Issuer.Issue(new() { ["sub"] = "mallory", ["aud"] = JwtAuthorizerFixture.Audience }, signWith: forger);

        using var response = await GetAsync("/jwt/orders", "Bearer " + token);

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, """{"message":"Unauthorized"}""");
        Assert.StartsWith(InvalidToken, Challenge(response));
    }

    [Fact]
    public async Task TamperedPayload_Returns401()
    {
        var token = fixture.Issuer.Issue(new() { ["sub"] = "user-42", ["aud"] = JwtAuthorizerFixture.Audience });
        var parts = token.Split('.');
        var forged = fixture.Issuer.Issue(new() { ["sub"] = "admin", ["aud"] = JwtAuthorizerFixture.Audience }).Split('.')[1];

        using var response = await GetAsync("/jwt/orders", $"Bearer {parts[0]}.{forged}.{parts[2]}");

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, """{"message":"Unauthorized"}""");
    }

    [Fact]
    public async Task ExpiredToken_Returns401()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var token = fixture.Issuer.Issue(new() { ["aud"] = JwtAuthorizerFixture.Audience, ["iat"] = now - 600, ["exp"] = now - 60 });

        using var response = await GetAsync("/jwt/orders", "Bearer " + token);

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, """{"message":"Unauthorized"}""");
        Assert.Equal(InvalidToken + " error_description=\"the token has expired\"", Challenge(response));
    }

    [Fact]
    public async Task TokenNotValidYet_Returns401()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var notYet = fixture.Issuer.Issue(new() { ["aud"] = JwtAuthorizerFixture.Audience, ["nbf"] = now + 120 });
        var future = fixture.Issuer.Issue(new() { ["aud"] = JwtAuthorizerFixture.Audience, ["iat"] = now + 120 });

        using var notYetResponse = await GetAsync("/jwt/orders", "Bearer " + notYet);
        using var futureResponse = await GetAsync("/jwt/orders", "Bearer " + future);

        Assert.Equal(HttpStatusCode.Unauthorized, notYetResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, futureResponse.StatusCode);
    }

    [Fact]
    public async Task WrongAudience_Returns401_WithTheChallengeAwsDocuments()
    {
        var token = fixture.Issuer.Issue(new() { ["sub"] = "user-42", ["aud"] = "someone-else", ["client_id"] = JwtAuthorizerFixture.Audience });

        using var response = await GetAsync("/jwt/orders", "Bearer " + token);

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, """{"message":"Unauthorized"}""");
        Assert.Equal("""Bearer scope="" error="invalid_token" error_description="the token does not have a valid audience" """.TrimEnd(), Challenge(response));
    }

    [Fact]
    public async Task WrongIssuer_Returns401()
    {
        var token = fixture.Issuer.Issue(new() { ["aud"] = JwtAuthorizerFixture.Audience, ["iss"] = "https://issuer.example" });

        using var response = await GetAsync("/jwt/orders", "Bearer " + token);

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, """{"message":"Unauthorized"}""");
        Assert.Equal(InvalidToken + " error_description=\"the token does not have a valid issuer\"", Challenge(response));
    }

    [Fact]
    public async Task NotAJwt_Returns401()
    {
        using var response = await GetAsync("/jwt/orders", "Bearer not-a-token");

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, """{"message":"Unauthorized"}""");
    }

    [Fact]
    public async Task RouteScopes_MissingFromTheToken_Returns403Forbidden()
    {
        var token = fixture.Issuer.Issue(new() { ["aud"] = JwtAuthorizerFixture.Audience, ["scope"] = "openid orders/delete" });

        using var response = await GetAsync("/scoped/orders", "Bearer " + token);

        await AssertRefusedAsync(response, HttpStatusCode.Forbidden, """{"message":"Forbidden"}""");
        Assert.Contains("error=\"insufficient_scope\"", Challenge(response));
    }

    [Fact]
    public async Task RouteScopes_AnyOneInScopeOrScp_Suffices()
    {
        var withScope = fixture.Issuer.Issue(new() { ["aud"] = JwtAuthorizerFixture.Audience, ["scope"] = "openid orders/write" });
        var withScp = fixture.Issuer.Issue(new() { ["aud"] = JwtAuthorizerFixture.Audience, ["scp"] = new[] { "profile", "orders/read" } });
        var withNone = fixture.Issuer.Issue(new() { ["aud"] = JwtAuthorizerFixture.Audience });

        using var scopeResponse = await GetAsync("/scoped/orders", "Bearer " + withScope);
        using var scpResponse = await GetAsync("/scoped/orders", "Bearer " + withScp);
        using var noneResponse = await GetAsync("/scoped/orders", "Bearer " + withNone);

        Assert.Equal(HttpStatusCode.OK, scopeResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, scpResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noneResponse.StatusCode);
    }

    [Fact]
    public async Task OpenRoute_NeedsNoToken()
    {
        using var response = await GetAsync("/open/x", token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RotatedKey_NewKid_IsFetchedAndAccepted()
    {
        var before = fixture.Issuer.Issue(new() { ["aud"] = JwtAuthorizerFixture.Audience });
        using (var warm = await GetAsync("/jwt/orders", "Bearer " + before))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        var fetches = fixture.Issuer.KeySetFetches;
        fixture.Issuer.RotateKey();
        var after = fixture.Issuer.Issue(new() { ["aud"] = JwtAuthorizerFixture.Audience });

        // The fixture lets the edge refetch once a second; wait that out so the refetch is not throttled.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        using var response = await GetAsync("/jwt/orders", "Bearer " + after);
        using var old = await GetAsync("/jwt/orders", "Bearer " + before);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.True(fixture.Issuer.KeySetFetches > fetches, "the key set was not fetched again for the new kid");
    }

    [Fact]
    public async Task KnownKeys_AreCached_NotFetchedPerRequest()
    {
        var token = fixture.Issuer.Issue(new() { ["aud"] = JwtAuthorizerFixture.Audience });
        using (var warm = await GetAsync("/jwt/orders", "Bearer " + token))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        var fetches = fixture.Issuer.KeySetFetches;
        for (var i = 0; i < 5; i++)
        {
            using var response = await GetAsync("/jwt/orders", "Bearer " + token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(fetches, fixture.Issuer.KeySetFetches);
    }

    [Fact]
    public async Task UnknownKids_DoNotCauseAFetchPerRequest()
    {
        using var forger = RSA.Create(2048);
        var fetches = fixture.Issuer.KeySetFetches;
        for (var i = 0; i < 6; i++)
        {
            var token = fixture.Issuer.Issue(new() { ["aud"] = JwtAuthorizerFixture.Audience }, keyId: "made-up-" + i, signWith: forger);
            using var response = await GetAsync("/jwt/orders", "Bearer " + token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        // One refetch a second at most (the fixture's interval); six local requests take well under three.
        Assert.True(fixture.Issuer.KeySetFetches - fetches <= 3, $"{fixture.Issuer.KeySetFetches - fetches} key set fetches for 6 requests");
    }

    [Fact]
    public async Task UnreachableIssuer_Returns401_AndIsLogged()
    {
        var nowhere = $"http://127.0.0.1:{FreePort.Next()}";
        var apiId = await DeployJwtRouteAsync("jwt-unreachable", nowhere);
        var token = fixture.Issuer.Issue(new() { ["aud"] = "a", ["iss"] = nowhere });

        using var response = await _http.SendAsync(Get($"{fixture.Edge.DataUrl}/_aws/execute-api/{apiId}/prod/x", "Bearer " + token));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, """{"message":"Unauthorized"}""");
        var logged = $"JWT issuer {nowhere}: discovery or key set could not be fetched";
        for (var i = 0; i < 50 && !fixture.Edge.Process.Output.Contains(logged); i++)
        {
            // The console logger writes from its own queue, a moment after the response.
            await Task.Delay(100);
        }

        Assert.Contains(logged, fixture.Edge.Process.Output);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RequestsArrivingWhileTheFirstKeyFetchRuns_WaitForItInsteadOf401()
    {
        await using var slow = await OidcIssuer.StartAsync();
        slow.KeySetDelay = TimeSpan.FromSeconds(1);
        var apiId = await DeployJwtRouteAsync("jwt-slow-issuer", slow.Url);
        var token = slow.Issue(new() { ["aud"] = "a" });

        // The first request starts the one fetch (1 s); the others arrive while it runs.
        var first = _http.SendAsync(Get($"{fixture.Edge.DataUrl}/_aws/execute-api/{apiId}/prod/x", "Bearer " + token));
        await Task.Delay(200);
        var responses = await Task.WhenAll([first, .. Enumerable.Range(0, 6).Select(_ => _http.SendAsync(Get($"{fixture.Edge.DataUrl}/_aws/execute-api/{apiId}/prod/x", "Bearer " + token)))]);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, slow.KeySetFetches);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    /// <summary>An API of its own whose route <c>GET /x</c> (stage <c>prod</c>) needs a JWT from <paramref name="issuer"/> with audience <c>a</c>.</summary>
    private async Task<string> DeployJwtRouteAsync(string name, string issuer)
    {
        var aws = new ApiGatewayV2Cli(fixture.Edge.AdminUrl);
        var apiId = (await aws.JsonAsync("create-api", "--name", name, "--protocol-type", "HTTP")).GetProperty("ApiId").GetString()!;
        var integrationId = (await aws.JsonAsync("create-integration", "--api-id", apiId, "--integration-type", "HTTP_PROXY",
            "--integration-method", "ANY", "--integration-uri", fixture.Backend.Url, "--payload-format-version", "1.0")).GetProperty("IntegrationId").GetString()!;
        var authorizerId = (await aws.JsonAsync("create-authorizer", "--api-id", apiId, "--name", name, "--authorizer-type", "JWT",
            "--identity-source", "$request.header.Authorization", "--jwt-configuration", $"Audience=a,Issuer={issuer}")).GetProperty("AuthorizerId").GetString()!;
        await aws.JsonAsync("create-route", "--api-id", apiId, "--route-key", "GET /x", "--target", "integrations/" + integrationId,
            "--authorization-type", "JWT", "--authorizer-id", authorizerId);
        await aws.JsonAsync("create-stage", "--api-id", apiId, "--stage-name", "prod");
        await aws.JsonAsync("create-deployment", "--api-id", apiId, "--stage-name", "prod");
        return apiId;
    }

    private Task<HttpResponseMessage> GetAsync(string path, string? token) => _http.SendAsync(Get(fixture.StageUrl + path, token));

    private static HttpRequestMessage Get(string url, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    private static string? Challenge(HttpResponseMessage response) =>
        response.Headers.TryGetValues("www-authenticate", out var values) ? string.Join(", ", values) : null;

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string body)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
        Assert.Equal(new MediaTypeHeaderValue("application/json"), response.Content.Headers.ContentType);
    }
}
