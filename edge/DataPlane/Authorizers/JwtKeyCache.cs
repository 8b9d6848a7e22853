using System.Collections.Concurrent;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace OrleansGateway.Edge.DataPlane.Authorizers;

/// <summary>
/// The signing keys of each JWT issuer the deployed authorizers name, fetched by OIDC discovery
/// (<c>{issuer}/.well-known/openid-configuration</c> → <c>jwks_uri</c>) and kept for
/// <see cref="AuthorizerOptions.JwtKeysLifetime"/>. A token signed with a key the cache does not
/// know triggers one refetch (at most every <see cref="AuthorizerOptions.JwtKeysRefreshInterval"/>),
/// which is how a rotated key is picked up. Issuers come from deployed configuration, never from a
/// token, so the cache holds at most one entry per configured issuer.
/// </summary>
public sealed partial class JwtKeyCache : IDisposable
{
    private readonly ConcurrentDictionary<string, IssuerEntry> _issuers = new(StringComparer.Ordinal);
    private readonly AuthorizerOptions _options;
    private readonly ILogger<JwtKeyCache> _logger;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public JwtKeyCache(AuthorizerOptions options, ILogger<JwtKeyCache> logger, TimeProvider? time = null)
    {
        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = options.JwtMetadataTimeout,
        };
    }

    /// <summary>
    /// The issuer's keys, fetched first when there are none yet, when they are older than their
    /// lifetime, or when <paramref name="kid"/> is not among them; null when none could be fetched.
    /// Fetches of one issuer are serialized and at least <see cref="AuthorizerOptions.JwtKeysRefreshInterval"/> apart.
    /// </summary>
    public async ValueTask<IssuerSigningKeys?> GetAsync(string issuer, string? kid, CancellationToken cancellationToken)
    {
        var entry = _issuers.GetOrAdd(issuer, static _ => new IssuerEntry());
        if (Usable(entry, kid) is { } usable)
        {
            return usable.Keys;
        }

        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            // Another request may have refreshed (or failed to) while this one waited.
            if (Usable(entry, kid) is { } raced)
            {
                return raced.Keys;
            }

            entry.LastAttempt = _time.GetUtcNow();
            entry.Fetching = true;
            try
            {
                // Not cancelled with the request that started it: others may be waiting for the
                // result, and the client's timeout bounds it.
                var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(DiscoveryAddress(issuer),
                    new HttpDocumentRetriever(_http) { RequireHttps = !IsLoopback(issuer) }, CancellationToken.None);
                entry.Keys = new IssuerSigningKeys([.. configuration.SigningKeys], _time.GetUtcNow());
                Log.KeysFetched(_logger, issuer, configuration.SigningKeys.Count);
            }
            catch (Exception e)
            {
                // Keys fetched earlier stay in use: an issuer that is briefly unreachable should not
                // lock out tokens signed with keys the edge already trusts.
                Log.KeysUnavailable(_logger, issuer, e.GetBaseException().Message);
            }
            finally
            {
                entry.Fetching = false;
            }

            return entry.Keys;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    public void Dispose() => _http.Dispose();

    internal static string DiscoveryAddress(string issuer) => issuer.TrimEnd('/') + "/.well-known/openid-configuration";

    // Plain HTTP only to an issuer on this machine (a local IdP, tests); anywhere else keys must come over TLS.
    private static bool IsLoopback(string issuer) =>
        Uri.TryCreate(issuer, UriKind.Absolute, out var uri) && uri.IsLoopback;

    /// <summary>
    /// The keys to answer with without fetching: fresh ones that hold <paramref name="kid"/>, or
    /// whatever is there (possibly nothing) when the last attempt was too recent to try again, so
    /// neither unknown key IDs nor an unreachable issuer cause a fetch per request. While a fetch is
    /// in flight there is no answer yet: the caller waits for it at the gate (bounded by the fetch's
    /// timeout) rather than refusing a token the fetch may be about to vouch for.
    /// </summary>
    private Answer? Usable(IssuerEntry entry, string? kid)
    {
        var current = entry.Keys;
        if (current is not null && !IsStale(current) && current.Has(kid))
        {
            return new Answer(current);
        }

        return entry.Fetching || MayRefetch(entry) ? null : new Answer(current);
    }

    private bool IsStale(IssuerSigningKeys keys) => _time.GetUtcNow() - keys.FetchedAt >= _options.JwtKeysLifetime;

    private bool MayRefetch(IssuerEntry entry) => _time.GetUtcNow() - entry.LastAttempt >= _options.JwtKeysRefreshInterval;

    private readonly record struct Answer(IssuerSigningKeys? Keys);

    private sealed class IssuerEntry
    {
        private bool _fetching;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public IssuerSigningKeys? Keys { get; set; }

        public DateTimeOffset LastAttempt { get; set; } = DateTimeOffset.MinValue;

        /// <summary>Set by the request holding the gate while it fetches; read without it.</summary>
        public bool Fetching
        {
            get => Volatile.Read(ref _fetching);
            set => Volatile.Write(ref _fetching, value);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "JWT issuer {Issuer}: fetched {Count} signing keys")]
        public static partial void KeysFetched(ILogger logger, string issuer, int count);

        [LoggerMessage(2, LogLevel.Warning, "JWT issuer {Issuer}: discovery or key set could not be fetched: {Reason}")]
        public static partial void KeysUnavailable(ILogger logger, string issuer, string reason);
    }
}
