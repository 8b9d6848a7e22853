namespace OrleansGateway.Patching;

/// <summary>How an update words a patch it does not take: AWS words it differently per resource.</summary>
public enum PatchErrorWording
{
    /// <summary>
    /// Path and op named: "Invalid patch path  '/x' specified for op 'replace'. Must be one of: [...]" for a
    /// path it lacks, "... Please choose supported operations" for an op it does not take there (most resources).
    /// </summary>
    PathAndOp,

    /// <summary>"Invalid patch path /x" for a path it lacks, "Invalid patch operation specified. Must be one of: [replace]" for an op the path does not take (methods).</summary>
    BarePathThenOps,

    /// <summary>"Invalid patch path /x" for a path it lacks and for an op the path does not take (gateway responses).</summary>
    BarePath,
}
