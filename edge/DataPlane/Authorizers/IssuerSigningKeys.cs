using Microsoft.IdentityModel.Tokens;

namespace OrleansGateway.Edge.DataPlane.Authorizers;

/// <summary>One fetch of an issuer's key set (JWKS), immutable; a refresh replaces it.</summary>
public sealed class IssuerSigningKeys(IReadOnlyList<SecurityKey> keys, DateTimeOffset fetchedAt)
{
    public IReadOnlyList<SecurityKey> Keys { get; } = keys;

    public DateTimeOffset FetchedAt { get; } = fetchedAt;

    public bool Has(string? kid) => kid is not null && Keys.Any(k => string.Equals(k.KeyId, kid, StringComparison.Ordinal));
}
