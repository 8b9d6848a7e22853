namespace OrleansGateway.Throttling;

/// <summary>
/// Hands a contended bucket's tokens to its holders (edges and silos) in turn. Without it, every
/// holder refused for want of tokens is told the same moment to ask again, and whichever call
/// arrives first (the holder a hop nearer the grain, or less busy) takes the slice each time, so one
/// edge's clients could get most of a stage's rate. A holder that gets less than a slice is queued
/// with a claim on the next slice after the claims ahead of it, and told to come back when the
/// bucket will hold them; others cannot take claimed tokens meanwhile. A claim not collected within
/// <see cref="ThrottleSlices.LeaseLifetime"/> of its time lapses, so a holder that died blocks no one
/// for long. An uncontended bucket (no claims) leases exactly as <see cref="ThrottleSlices.Lease"/>.
/// Not thread-safe: its grain serializes calls.
/// </summary>
public sealed class ThrottleQueue(TimeProvider clock)
{
    private readonly List<Claim> _claims = [];

    /// <summary>Holders waiting for tokens now.</summary>
    public int Waiting => _claims.Count;

    public ThrottleLease Lease(TokenBucket bucket, string holder, int wanted)
    {
        var now = clock.GetTimestamp();
        _claims.RemoveAll(c => c.Holder != holder && now > c.Lapses);
        var slice = ThrottleSlices.SliceOf(bucket.Limit);
        var position = _claims.FindIndex(c => c.Holder == holder);
        var ahead = 0;
        foreach (var claim in position < 0 ? _claims : _claims.Take(position))
        {
            ahead += claim.Tokens;
        }

        var free = Math.Max(0, bucket.Available - ahead);
        var taken = bucket.Take(Math.Min(free, Math.Min(wanted, Math.Max(slice, bucket.Limit.BurstLimit))));
        if (position >= 0)
        {
            _claims.RemoveAt(position);
        }

        if (taken >= Math.Min(wanted, slice))
        {
            return new ThrottleLease
            {
                Tokens = taken, ValidFor = ThrottleSlices.LeaseLifetime, RetryAfter = taken >= slice ? TimeSpan.Zero : bucket.UntilAvailable(slice),
            };
        }

        // Short of a slice: queue a claim (keeping the place it had) and say when the bucket will hold everything up to it.
        var owed = Math.Min(ahead + slice, Math.Max(slice, bucket.Limit.BurstLimit));
        var retryAfter = bucket.UntilAvailable(owed);
        var lapses = retryAfter == TimeSpan.MaxValue ? long.MaxValue : now + ToTimestamp(retryAfter + ThrottleSlices.LeaseLifetime);
        _claims.Insert(position >= 0 ? position : _claims.Count, new Claim(holder, slice, lapses));
        return new ThrottleLease { Tokens = taken, ValidFor = ThrottleSlices.LeaseLifetime, RetryAfter = retryAfter };
    }

    private long ToTimestamp(TimeSpan span) => (long)(span.TotalSeconds * clock.TimestampFrequency);

    private readonly record struct Claim(string Holder, int Tokens, long Lapses);
}
