namespace OrleansGateway.Vtl.Parsing;

/// <summary>What ended a block: the end of the source or one of the directives that close a body.</summary>
internal enum Terminator
{
    EndOfInput,
    End,
    Else,
    ElseIf,
}
