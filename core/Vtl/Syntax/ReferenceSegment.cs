namespace OrleansGateway.Vtl.Syntax;

/// <summary>One step after a reference's root: <c>.name</c>, <c>.name(args)</c> or <c>[index]</c>.</summary>
internal abstract class ReferenceSegment(int line, int column)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
