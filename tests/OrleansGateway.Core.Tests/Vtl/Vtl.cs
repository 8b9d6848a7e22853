using OrleansGateway.Vtl;

namespace OrleansGateway.Core.Tests.Vtl;

/// <summary>Compiles and renders a template the way the gateway will: compile once, render with a context.</summary>
internal static class Vtl
{
    public static string Render(
        string template,
        string? body = null,
        IDictionary<string, object?>? variables = null,
        IDictionary<string, object?>? context = null,
        bool literalNulls = false) =>
        VtlTemplate.Compile(template).Render(new VtlRenderContext
        {
            Body = body,
            Variables = variables,
            Context = context ?? new Dictionary<string, object?>(),
            LiteralNullReferences = literalNulls,
        });

    /// <summary>Renders as plain Apache Velocity 1.7 would (null references print their source text).</summary>
    public static string Velocity(string template, IDictionary<string, object?>? variables = null) =>
        Render(template, variables: variables, literalNulls: true);
}
