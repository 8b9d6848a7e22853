namespace OrleansGateway.Authorization;

/// <summary>Where an authorizer's identity source reads from.</summary>
public enum IdentitySourceKind
{
    /// <summary><c>$request.header.name</c>, case-insensitive.</summary>
    Header,

    /// <summary><c>$request.querystring.name</c>, case-sensitive.</summary>
    QueryString,

    /// <summary><c>$context.name</c>.</summary>
    Context,

    /// <summary><c>$stageVariables.name</c>.</summary>
    StageVariable,
}
