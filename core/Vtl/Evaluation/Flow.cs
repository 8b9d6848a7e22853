namespace OrleansGateway.Vtl.Evaluation;

/// <summary>How rendering continues after a node: on, out of the innermost loop or macro, or not at all.</summary>
internal enum Flow
{
    Normal,
    Break,
    Stop,
}
