namespace OrleansGateway.Mapping.HttpApi;

/// <summary>One piece of a mapping value: static text (<see cref="IsLiteral"/>) or a variable to resolve.</summary>
public readonly record struct MappingValuePart(bool IsLiteral, MappingVariableKind Kind, string Text)
{
    public static MappingValuePart Literal(string text) => new(true, default, text);

    public static MappingValuePart Variable(MappingVariableKind kind, string name) => new(false, kind, name);
}
