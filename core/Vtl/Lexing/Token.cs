namespace OrleansGateway.Vtl.Lexing;

/// <summary>One token of directive arguments; <see cref="Text"/> is a word, a number or a string's content.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End, string Text);
