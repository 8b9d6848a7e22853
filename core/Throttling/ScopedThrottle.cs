namespace OrleansGateway.Throttling;

/// <summary>
/// A throttle compiled into a stage's table: the scope whose bucket it draws from (built once, when
/// the table is compiled, see <see cref="ThrottleScopes"/>) and that bucket's limit.
/// </summary>
public sealed record ScopedThrottle(string Scope, ThrottleLimit Limit);
