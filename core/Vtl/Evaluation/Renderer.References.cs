using System.Collections;
using OrleansGateway.Vtl.ApiGateway;
using OrleansGateway.Vtl.Syntax;
using OrleansGateway.Vtl.Values;

namespace OrleansGateway.Vtl.Evaluation;

internal sealed partial class Renderer
{
    /// <summary>
    /// Writes a reference as Velocity 1.7's ASTReference.render does: an escaped reference prints its own
    /// text (with a backslash when it is null), a null prints its source text unless quiet, and half of the
    /// backslashes before the <c>$</c> come out in front.
    /// </summary>
    private void RenderReference(ReferenceExpression reference)
    {
        var value = EvaluateReference(reference);
        var prefix = reference.EscapePrefix;
        if (reference.Escaped)
        {
            Write(prefix);
            if (value is null)
            {
                Write("\\");
            }

            Write(NullText(reference));
            return;
        }

        if (value is null)
        {
            Write(prefix);
            if (_context.LiteralNullReferences)
            {
                Write(prefix);
                if (!reference.Quiet)
                {
                    Write(NullText(reference));
                }
            }

            return;
        }

        if (prefix.Length != 0)
        {
            Write(prefix);
        }

        if (value is double number)
        {
            WriteDouble(number);
            return;
        }

        if (value is DefinedBlock block)
        {
            EnterCall(reference);
            try
            {
                RenderBlock(block.Body);
            }
            finally
            {
                _callDepth--;
            }

            return;
        }

        Write(JavaFormatter.ToJavaString(value));
    }

    /// <summary>Writes a number as Java's <c>Double.toString</c> would, without a string for the common magnitudes.</summary>
    private void WriteDouble(double number)
    {
        Span<char> buffer = stackalloc char[JavaFormatter.PlainBufferLength];
        if (!JavaFormatter.TryFormatPlain(number, buffer, out var written))
        {
            Write(JavaFormatter.FormatDouble(number));
            return;
        }

        _output.Append(buffer[..written]);
        if (_output.Length > _limits.MaxOutputChars)
        {
            throw new VtlRenderException($"Template output exceeds {_limits.MaxOutputChars} characters");
        }
    }

    /// <summary>A null macro parameter prints the caller's argument text, as Velocity's proxy context does.</summary>
    private string NullText(ReferenceExpression reference)
    {
        if (reference.Segments.Length == 0 && _macroFrames.Count > 0
            && _macroFrames[^1].TryGetValue(reference.RootName, out var argument))
        {
            return argument.SourceText;
        }

        return reference.SourceText;
    }

    private object? EvaluateReference(ReferenceExpression reference)
    {
        // A built-in ($foreach, $context, $input) resolves without the variable lookups when nothing can shadow it.
        var value = reference.Builtin != BuiltinVariable.None && _macroFrames.Count == 0 && !_builtinShadowed && _context.Variables is null
            ? Builtin(reference.Builtin)
            : Lookup(reference.RootName);
        if (reference.PropertyNames is { } names)
        {
            return StepProperties(value, names, reference.Segments);
        }

        foreach (var segment in reference.Segments)
        {
            if (value is null)
            {
                return null;
            }

            value = Step(value, segment);
        }

        return value;
    }

    /// <summary><see cref="Step"/> for a chain of property steps, the common case, without a type test per segment.</summary>
    private static object? StepProperties(object? value, string[] names, ReferenceSegment[] segments)
    {
        var i = 0;
        try
        {
            for (; i < names.Length && value is not null; i++)
            {
                value = MemberAccess.GetProperty(value, names[i]);
            }

            return value;
        }
        catch (VtlRenderException e) when (!e.Message.Contains(" at line ", StringComparison.Ordinal))
        {
            throw new VtlRenderException($"{e.Message} at line {segments[i].Line}, column {segments[i].Column}", e);
        }
    }

    /// <summary>One member step; Java exceptions from a method surface as render errors naming its position.</summary>
    private object? Step(object target, ReferenceSegment segment)
    {
        try
        {
            switch (segment)
            {
                case PropertySegment property:
                    return MemberAccess.GetProperty(target, property.Name);
                case IndexSegment index:
                    return MemberAccess.GetIndex(target, Evaluate(index.Index));
                case MethodSegment method:
                    var arguments = EvaluateArguments(method.Arguments);
                    var countBefore = (target as ICollection)?.Count;
                    if (!MemberAccess.TryInvoke(target, method.Name, arguments, out var result))
                    {
                        return null;
                    }

                    // add/addAll/put/putAll may double a collection per call, faster than the render-time check can see.
                    if (target is ICollection { Count: > JavaValues.MaxCollectionElements } grown && grown.Count > countBefore)
                    {
                        throw new VtlRenderException($"A collection grew past {JavaValues.MaxCollectionElements} elements");
                    }

                    if (result is string text && text.Length > _limits.MaxOutputChars)
                    {
                        throw new VtlRenderException($"String longer than {_limits.MaxOutputChars} characters");
                    }

                    return result;
                default:
                    return null;
            }
        }
        catch (VtlRenderException e) when (!e.Message.Contains(" at line ", StringComparison.Ordinal))
        {
            throw new VtlRenderException($"{e.Message} at line {segment.Line}, column {segment.Column}", e);
        }
    }

    private object? Lookup(string name)
    {
        for (var i = _macroFrames.Count - 1; i >= 0; i--)
        {
            if (_macroFrames[i].TryGetValue(name, out var argument))
            {
                return argument.Value;
            }
        }

        if (_macroFrames.Count == 0 && _lastGlobalName is not null && string.Equals(name, _lastGlobalName, StringComparison.Ordinal))
        {
            return _lastGlobalValue;
        }

        if (_globals.TryGetValue(name, out var value))
        {
            RememberGlobal(name, value);
            return value;
        }

        if (_context.Variables is { } variables && variables.TryGetValue(name, out var extra))
        {
            return JavaValues.Normalize(extra);
        }

        return Builtin(ReferenceExpression.BuiltinOf(name));
    }

    private object? Builtin(BuiltinVariable builtin) => builtin switch
    {
        BuiltinVariable.Input => _input ??= new InputVariable(_context),
        BuiltinVariable.Util => UtilVariable.Instance,
        BuiltinVariable.Context => _context.Context,
        BuiltinVariable.StageVariables => _stageVariables ??= JsonValues.ToMap(_context.StageVariables),
        BuiltinVariable.Foreach => _foreach,
        BuiltinVariable.VelocityCount => _foreach is null ? null : JavaBoxes.Int(_foreach.Count),
        BuiltinVariable.VelocityHasNext => _foreach is null ? null : JavaBoxes.Bool(_foreach.HasNext),
        _ => null,
    };

    private void SetVariable(string name, object? value)
    {
        if (_macroFrames.Count > 0 && _macroFrames[^1].TryGetValue(name, out var argument))
        {
            _macroFrames[^1][name] = argument with { Value = value };
            return;
        }

        if (!_builtinShadowed && !ReferenceEquals(name, _lastGlobalName) && ReferenceExpression.BuiltinOf(name) != BuiltinVariable.None)
        {
            _builtinShadowed = true;
        }

        _globals[name] = value;
        RememberGlobal(name, value);
    }

    /// <summary>
    /// Keeps the last global read or written (typically the <c>#foreach</c> variable, read several times per
    /// item) so repeated references skip the dictionary. Only consulted outside macros, whose parameters shadow
    /// globals; every change to the globals goes through <see cref="SetVariable"/> or <see cref="RemoveVariable"/>.
    /// </summary>
    private void RememberGlobal(string name, object? value)
    {
        _lastGlobalName = name;
        _lastGlobalValue = value;
    }

    private void RemoveVariable(string name)
    {
        if (_macroFrames.Count > 0 && _macroFrames[^1].ContainsKey(name))
        {
            _macroFrames[^1][name] = new MacroArgument(null, "$" + name);
            return;
        }

        _globals.Remove(name);
        if (string.Equals(name, _lastGlobalName, StringComparison.Ordinal))
        {
            _lastGlobalName = null;
            _lastGlobalValue = null;
        }
    }

    /// <summary>
    /// <c>#set</c>: a null value changes nothing (Velocity 1.7's default). Writes through properties and
    /// indexes go to maps and lists; under <c>$context.requestOverride</c> and <c>responseOverride</c> the
    /// intermediate maps are created, since API Gateway provides them to every template.
    /// </summary>
    private void Assign(SetDirective set)
    {
        var value = Evaluate(set.Value);
        if (value is null)
        {
            return;
        }

        var target = set.Target;
        if (target.Segments.Length == 0)
        {
            SetVariable(target.RootName, value);
            return;
        }

        var owner = Lookup(target.RootName);
        var overrides = ReferenceEquals(owner, _context.Context)
            && target.Segments[0] is PropertySegment { Name: "requestOverride" or "responseOverride" };
        for (var i = 0; i < target.Segments.Length - 1 && owner is not null; i++)
        {
            var segment = target.Segments[i];
            var next = Step(owner, segment);
            if (next is null && overrides && owner is IDictionary map && segment is PropertySegment property)
            {
                next = new Dictionary<string, object?>(StringComparer.Ordinal);
                map[property.Name] = next;
            }

            owner = next;
        }

        if (owner is null)
        {
            return;
        }

        switch (target.Segments[^1])
        {
            case PropertySegment property when owner is IDictionary map:
                Store(() => map[property.Name] = value, set);
                break;
            case IndexSegment index when owner is IDictionary map:
                var key = Evaluate(index.Index);
                if (key is not null)
                {
                    Store(() => map[MapMethods.KeyOf(key)] = value, set);
                }

                break;
            case IndexSegment index when owner is IList list:
                if (!JavaValues.TryGetInt(Evaluate(index.Index), out var at))
                {
                    break;
                }

                at = at < 0 ? at + list.Count : at;
                if ((uint)at >= (uint)list.Count)
                {
                    throw Failure($"Index: {at}, Size: {list.Count}", set);
                }

                Store(() => list[at] = value, set);
                break;
        }
    }

    private static void Store(Action write, VtlNode node)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException or InvalidCastException)
        {
            throw new VtlRenderException($"Cannot assign: {e.Message} at line {node.Line}, column {node.Column}", e);
        }
    }
}
