using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OrleansGateway.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real OpenID Connect issuer on loopback (a test double for the user's identity provider, which
/// is an external party): serves <c>/.well-known/openid-configuration</c> and its JWKS, and signs
/// tokens with RSA keys generated here. <see cref="RotateKey"/> publishes a new key, as an IdP
/// rotating its signing key does. Counts the key set fetches, so caching can be observed.
/// </summary>
public sealed class OidcIssuer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, RSA> _keys = new();
    private readonly JsonWebTokenHandler _handler = new();
    private int _keySetFetches;

    private OidcIssuer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
        CurrentKeyId = AddKey();
    }

    /// <summary>The issuer identifier, also its base URL.</summary>
    public string Url { get; }

    /// <summary>The key new tokens are signed with.</summary>
    public string CurrentKeyId { get; private set; }

    public int KeySetFetches => Volatile.Read(ref _keySetFetches);

    /// <summary>How long the key set endpoint takes to answer, as a slow identity provider would.</summary>
    public TimeSpan KeySetDelay { get; set; }

    public static async Task<OidcIssuer> StartAsync()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var issuer = new OidcIssuer(app, url);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new
        {
            issuer = url,
            jwks_uri = url + "/jwks",
            id_token_signing_alg_values_supported = new[] { "RS256" },
        }));
        app.MapGet("/jwks", issuer.KeySet);
        await app.StartAsync();
        return issuer;
    }

    /// <summary>Publishes a new signing key and signs from now on with it; the old key stays published.</summary>
    public string RotateKey() => CurrentKeyId = AddKey();

    /// <summary>
    /// A signed token. <paramref name="claims"/> become the payload; <c>iss</c> defaults to this
    /// issuer, <c>exp</c>/<c>iat</c> to now + 5 min / now, unless the claims set them.
    /// </summary>
    public string Issue(Dictionary<string, object> claims, string? keyId = null, RSA? signWith = null)
    {
        var payload = new Dictionary<string, object>(claims);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        payload.TryAdd("iss", Url);
        payload.TryAdd("iat", now);
        payload.TryAdd("exp", now + 300);
        var kid = keyId ?? CurrentKeyId;
        var key = new RsaSecurityKey(signWith ?? _keys[kid]) { KeyId = kid };
        return _handler.CreateToken(JsonSerializer.Serialize(payload), new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }

    private string AddKey()
    {
        var kid = "k" + Guid.NewGuid().ToString("N")[..8];
        _keys[kid] = RSA.Create(2048);
        return kid;
    }

    private async Task<IResult> KeySet()
    {
        Interlocked.Increment(ref _keySetFetches);
        await Task.Delay(KeySetDelay);
        var keys = _keys.Select(pair =>
        {
            var parameters = pair.Value.ExportParameters(includePrivateParameters: false);
            return new
            {
                kty = "RSA",
                use = "sig",
                alg = "RS256",
                kid = pair.Key,
                n = Base64UrlEncoder.Encode(parameters.Modulus),
                e = Base64UrlEncoder.Encode(parameters.Exponent),
            };
        });
        return Results.Json(new { keys });
    }
}
