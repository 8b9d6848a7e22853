namespace OrleansGateway.Vtl;

/// <summary>A template that cannot be compiled; the message names the line and column.</summary>
public sealed class VtlParseException : Exception
{
    public VtlParseException(string message, int line, int column)
        : base($"{message} at line {line}, column {column}")
    {
        Line = line;
        Column = column;
    }

    public VtlParseException(string message)
        : base(message)
    {
    }

    /// <summary>1-based line of the error, or 0 when the error concerns the whole template.</summary>
    public int Line { get; }

    /// <summary>1-based column of the error, or 0 when the error concerns the whole template.</summary>
    public int Column { get; }
}
