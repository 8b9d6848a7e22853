using System.Runtime.CompilerServices;
using System.Text;
using OrleansGateway.Vtl.ApiGateway;
using OrleansGateway.Vtl.Syntax;
using OrleansGateway.Vtl.Values;

namespace OrleansGateway.Vtl.Evaluation;

/// <summary>
/// One render of a compiled template: walks the syntax tree, writing to one buffer, with Velocity 1.7's
/// variable scoping (a single context; macro parameters local to the call; <c>#foreach</c> restoring its
/// variable afterwards) and the limits that keep a hostile template from hanging or exhausting the host.
/// </summary>
internal sealed partial class Renderer
{
    private readonly IReadOnlyDictionary<string, MacroDefinition> _macros;
    private readonly VtlRenderContext _context;
    private readonly VtlLimits _limits;
    private readonly long _deadline;
    private readonly Dictionary<string, object?> _globals = new(StringComparer.Ordinal);
    private readonly List<Dictionary<string, MacroArgument>> _macroFrames = [];
    private StringBuilder _output;
    private ForeachScope? _foreach;
    private InputVariable? _input;
    private IDictionary<string, object?>? _stageVariables;
    private int _callDepth;
    private string? _lastGlobalName;

    /// <summary>A global was given a built-in's name (<c>#set($foreach = ...)</c>), so built-ins take the full lookup.</summary>
    private bool _builtinShadowed;
    private object? _lastGlobalValue;

    public Renderer(IReadOnlyDictionary<string, MacroDefinition> macros, VtlRenderContext context, VtlLimits limits, StringBuilder output)
    {
        _macros = macros;
        _context = context;
        _limits = limits;
        _output = output;
        _deadline = Environment.TickCount64 + (long)Math.Ceiling(limits.MaxRenderTime.TotalMilliseconds);
    }

    public void Render(BlockNode root) => RenderBlock(root);

    /// <summary>Renders a block into a string of its own (interpolated strings, <c>#define</c> values).</summary>
    public string RenderToString(BlockNode block, bool isCall)
    {
        var saved = _output;
        _output = new StringBuilder();
        if (isCall)
        {
            EnterCall(block);
        }

        try
        {
            RenderBlock(block);
            return _output.ToString();
        }
        finally
        {
            _output = saved;
            if (isCall)
            {
                _callDepth--;
            }
        }
    }

    private Flow RenderBlock(BlockNode block)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw Failure("Template nesting exhausted the stack", block);
        }

        foreach (var node in block.Children)
        {
            var flow = RenderNode(node);
            if (flow != Flow.Normal)
            {
                return flow;
            }
        }

        return Flow.Normal;
    }

    private Flow RenderNode(VtlNode node)
    {
        switch (node)
        {
            case TextNode text:
                Write(text.Text);
                return Flow.Normal;
            case ReferenceExpression reference:
                RenderReference(reference);
                return Flow.Normal;
            case SetDirective set:
                Assign(set);
                return Flow.Normal;
            case IfDirective conditional:
                return RenderIf(conditional);
            case ForeachDirective loop:
                return RenderForeach(loop);
            case MacroCall call:
                return RenderMacroCall(call);
            case DefineDirective define:
                SetVariable(define.Name, new DefinedBlock(this, define.Body));
                return Flow.Normal;
            case BreakDirective:
                return Flow.Break;
            case StopDirective:
                return Flow.Stop;
            default:
                return Flow.Normal;
        }
    }

    private void Write(string text)
    {
        _output.Append(text);
        if (_output.Length > _limits.MaxOutputChars)
        {
            throw new VtlRenderException($"Template output exceeds {_limits.MaxOutputChars} characters");
        }
    }

    private void CheckDeadline(VtlNode node)
    {
        if (Environment.TickCount64 > _deadline)
        {
            throw Failure($"Template rendering took longer than {_limits.MaxRenderTime.TotalMilliseconds} ms", node);
        }
    }

    private void EnterCall(VtlNode node)
    {
        if (++_callDepth > _limits.MaxCallDepth)
        {
            _callDepth--;
            throw Failure($"Macro or string nesting exceeds the maximum depth of {_limits.MaxCallDepth}", node);
        }

        CheckDeadline(node);
    }

    private static VtlRenderException Failure(string message, VtlNode node) =>
        new($"{message} at line {node.Line}, column {node.Column}");

    private Flow RenderIf(IfDirective directive)
    {
        for (var i = 0; i < directive.Conditions.Length; i++)
        {
            if (JavaValues.IsTrue(Evaluate(directive.Conditions[i])))
            {
                return RenderBlock(directive.Blocks[i]);
            }
        }

        return directive.ElseBlock is null ? Flow.Normal : RenderBlock(directive.ElseBlock);
    }

    private Flow RenderForeach(ForeachDirective loop)
    {
        var items = Evaluate(loop.Iterable) switch
        {
            System.Collections.IDictionary map => map.Values,
            string => null,
            System.Collections.IEnumerable sequence => sequence,
            _ => null,
        };
        if (items is null)
        {
            return Flow.Normal;
        }

        var list = items as System.Collections.IList ?? Materialize(items, loop);
        var savedValue = _globals.TryGetValue(loop.Variable, out var previous);
        var scope = new ForeachScope(_foreach, list.Count);
        _foreach = scope;
        var flow = Flow.Normal;
        try
        {
            var max = Math.Min(list.Count, _limits.MaxForeachIterations);
            for (var i = 0; i < max && i < list.Count; i++)
            {
                CheckDeadline(loop);
                scope.Index = i;
                SetVariable(loop.Variable, list[i]);
                flow = RenderBlock(loop.Body);
                if (flow == Flow.Stop)
                {
                    return flow;
                }

                if (flow == Flow.Break || scope.StopRequested)
                {
                    flow = Flow.Normal;
                    break;
                }
            }
        }
        finally
        {
            _foreach = scope.Parent;
            if (savedValue)
            {
                SetVariable(loop.Variable, previous);
            }
            else
            {
                RemoveVariable(loop.Variable);
            }
        }

        return flow;
    }

    private System.Collections.IList Materialize(System.Collections.IEnumerable items, VtlNode node)
    {
        var list = new List<object?>();
        foreach (var item in items)
        {
            list.Add(item);
            if (list.Count > _limits.MaxForeachIterations)
            {
                break;
            }

            CheckDeadline(node);
        }

        return list;
    }

    private Flow RenderMacroCall(MacroCall call)
    {
        if (!_macros.TryGetValue(call.Name, out var macro))
        {
            Write(call.SourceText);
            return Flow.Normal;
        }

        var frame = new Dictionary<string, MacroArgument>(StringComparer.Ordinal);
        for (var i = 0; i < macro.Parameters.Length && i < call.Arguments.Length; i++)
        {
            var argument = call.Arguments[i];
            frame[macro.Parameters[i]] = new MacroArgument(Evaluate(argument), argument.SourceText);
        }

        EnterCall(call);
        _macroFrames.Add(frame);
        try
        {
            var flow = RenderBlock(macro.Body);
            return flow == Flow.Stop ? Flow.Stop : Flow.Normal;
        }
        finally
        {
            _macroFrames.RemoveAt(_macroFrames.Count - 1);
            _callDepth--;
        }
    }
}
