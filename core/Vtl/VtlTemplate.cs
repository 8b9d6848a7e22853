using System.Text;
using OrleansGateway.Vtl.Evaluation;
using OrleansGateway.Vtl.Parsing;
using OrleansGateway.Vtl.Syntax;

namespace OrleansGateway.Vtl;

/// <summary>
/// A compiled mapping template: Apache Velocity 1.7 as API Gateway runs it, with <c>$input</c>,
/// <c>$util</c>, <c>$context</c> and <c>$stageVariables</c>. Compile once (per deployment), render per
/// request; a compiled template is immutable and safe to render from many threads at once.
/// </summary>
public sealed class VtlTemplate
{
    [ThreadStatic]
    private static StringBuilder? _cachedBuilder;

    private readonly BlockNode _root;
    private readonly IReadOnlyDictionary<string, MacroDefinition> _macros;

    private VtlTemplate(string source, BlockNode root, IReadOnlyDictionary<string, MacroDefinition> macros, VtlLimits limits)
    {
        Source = source;
        _root = root;
        _macros = macros;
        Limits = limits;
    }

    public string Source { get; }

    public VtlLimits Limits { get; }

    /// <exception cref="VtlParseException">The template is too large or not valid VTL; the message names line and column.</exception>
    public static VtlTemplate Compile(string source, VtlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        limits ??= VtlLimits.Default;
        var size = Encoding.UTF8.GetByteCount(source);
        if (size > limits.MaxTemplateBytes)
        {
            throw new VtlParseException($"Template is {size} bytes, more than the limit of {limits.MaxTemplateBytes} bytes");
        }

        try
        {
            var (root, macros) = TemplateParser.Parse(source);
            return new VtlTemplate(source, root, macros, limits);
        }
        catch (VtlParseException)
        {
            throw;
        }
        catch (Exception e) when (e is InsufficientExecutionStackException or ArgumentException or InvalidOperationException
            or FormatException or OverflowException or IndexOutOfRangeException)
        {
            throw new VtlParseException("Template could not be parsed: " + e.Message);
        }
    }

    /// <exception cref="VtlRenderException">A limit was exceeded or the template failed at run time.</exception>
    public string Render(VtlRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = _cachedBuilder ?? new StringBuilder(1024);
        _cachedBuilder = null;
        output.Clear();
        try
        {
            new Renderer(_macros, context, Limits, output).Render(_root);
            return output.ToString();
        }
        catch (VtlRenderException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new VtlRenderException("Template evaluation failed: " + e.Message, e);
        }
        finally
        {
            if (output.Capacity <= 256 * 1024)
            {
                _cachedBuilder = output;
            }
        }
    }
}
