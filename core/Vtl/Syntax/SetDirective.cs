namespace OrleansGateway.Vtl.Syntax;

/// <summary><c>#set($target = value)</c>; a null value leaves the target unchanged, as in Velocity 1.7.</summary>
internal sealed class SetDirective(ReferenceExpression target, VtlExpression value, int line, int column) : VtlNode(line, column)
{
    public ReferenceExpression Target { get; } = target;

    public VtlExpression Value { get; } = value;
}
