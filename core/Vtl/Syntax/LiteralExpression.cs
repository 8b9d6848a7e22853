namespace OrleansGateway.Vtl.Syntax;

/// <summary>A constant: an integer, a decimal, a boolean or a string without interpolation.</summary>
internal sealed class LiteralExpression(object? value, int line, int column) : VtlExpression(line, column)
{
    public object? Value { get; } = value;
}
