using OrleansGateway.Vtl.Syntax;
using OrleansGateway.Vtl.Values;

namespace OrleansGateway.Vtl.Evaluation;

internal sealed partial class Renderer
{
    /// <summary>Largest list a range literal may build; Velocity would build any, this host will not.</summary>
    private const int MaxRangeLength = 100_000;

    public object? Evaluate(VtlExpression expression)
    {
        switch (expression)
        {
            case LiteralExpression literal:
                return literal.Value;
            case ReferenceExpression reference:
                return EvaluateReference(reference);
            case InterpolatedStringExpression interpolated:
                return RenderToString(interpolated.Template, isCall: false);
            case BinaryExpression binary:
                return EvaluateBinary(binary);
            case NotExpression not:
                return JavaBoxes.Bool(!JavaValues.IsTrue(Evaluate(not.Operand)));
            case NegateExpression negate:
                return JavaMath.Negate(Evaluate(negate.Operand));
            case ListExpression list:
                var items = new List<object?>(list.Items.Length);
                foreach (var item in list.Items)
                {
                    items.Add(Evaluate(item));
                }

                return items;
            case MapExpression map:
                var result = new JsonMap();
                for (var i = 0; i < map.Keys.Length; i++)
                {
                    var key = Evaluate(map.Keys[i]);
                    result[JavaFormatter.ToJavaString(key)] = Evaluate(map.Values[i]);
                }

                return result;
            case RangeExpression range:
                return EvaluateRange(range);
            default:
                throw Failure("Unsupported expression", expression);
        }
    }

    private object? EvaluateRange(RangeExpression range)
    {
        var from = Evaluate(range.From);
        var to = Evaluate(range.To);
        if (!JavaValues.TryGetInt(from, out var start) || !JavaValues.TryGetInt(to, out var end))
        {
            return null;
        }

        var length = Math.Abs((long)end - start) + 1;
        if (length > MaxRangeLength)
        {
            throw Failure($"Range [{start}..{end}] has more than {MaxRangeLength} elements", range);
        }

        var list = new List<object?>((int)length);
        var step = start <= end ? 1 : -1;
        for (var i = 0L; i < length; i++)
        {
            list.Add((int)(start + (i * step)));
        }

        return list;
    }

    private object? EvaluateBinary(BinaryExpression binary)
    {
        var result = EvaluateBinaryCore(binary);
        return result is bool b ? JavaBoxes.Bool(b) : result;
    }

    private object? EvaluateBinaryCore(BinaryExpression binary)
    {
        switch (binary.Operator)
        {
            case BinaryOperator.And:
                return JavaBoxes.Bool(JavaValues.IsTrue(Evaluate(binary.Left)) && JavaValues.IsTrue(Evaluate(binary.Right)));
            case BinaryOperator.Or:
                return JavaBoxes.Bool(JavaValues.IsTrue(Evaluate(binary.Left)) || JavaValues.IsTrue(Evaluate(binary.Right)));
        }

        var left = Evaluate(binary.Left);
        var right = Evaluate(binary.Right);
        switch (binary.Operator)
        {
            case BinaryOperator.Equal:
                return JavaBoxes.Bool(VelocityEquals(left, right));
            case BinaryOperator.NotEqual:
                return JavaBoxes.Bool(!VelocityEquals(left, right));
            case BinaryOperator.Less:
                return JavaBoxes.Bool(JavaMath.Compare(left, right) is < 0);
            case BinaryOperator.Greater:
                return JavaBoxes.Bool(JavaMath.Compare(left, right) is > 0);
            case BinaryOperator.LessOrEqual:
                return JavaBoxes.Bool(JavaMath.Compare(left, right) is <= 0);
            case BinaryOperator.GreaterOrEqual:
                return JavaBoxes.Bool(JavaMath.Compare(left, right) is >= 0);
            case BinaryOperator.Add:
                if (left is string || right is string)
                {
                    // Velocity 1.7 concatenates when either side is a String, writing a null side as its source.
                    var text = string.Concat(
                        left is null ? binary.Left.SourceText : JavaFormatter.ToJavaString(left),
                        right is null ? binary.Right.SourceText : JavaFormatter.ToJavaString(right));
                    CheckLength(text, binary);
                    return text;
                }

                return JavaMath.Add(left, right);
            case BinaryOperator.Subtract:
                return JavaMath.Subtract(left, right);
            case BinaryOperator.Multiply:
                return JavaMath.Multiply(left, right);
            case BinaryOperator.Divide:
                return JavaMath.Divide(left, right);
            default:
                return JavaMath.Modulo(left, right);
        }
    }

    /// <summary>
    /// Velocity 1.7's <c>==</c>: numbers by value whatever their type; values of one class by
    /// <c>equals</c>; values of different classes by their <c>toString()</c>; null equals only null.
    /// </summary>
    private static bool VelocityEquals(object? left, object? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (JavaMath.Compare(left, right) is { } comparison)
        {
            return comparison == 0;
        }

        if (SameJavaClass(left, right))
        {
            return JavaValues.JavaEquals(left, right);
        }

        return string.Equals(JavaFormatter.ToJavaString(left), JavaFormatter.ToJavaString(right), StringComparison.Ordinal);
    }

    private static bool SameJavaClass(object left, object right) => (left, right) switch
    {
        (System.Collections.IDictionary, System.Collections.IDictionary) => true,
        (System.Collections.IList, System.Collections.IList) => true,
        _ => left.GetType() == right.GetType(),
    };

    private void CheckLength(string text, VtlNode node)
    {
        if (text.Length > _limits.MaxOutputChars)
        {
            throw Failure($"String longer than {_limits.MaxOutputChars} characters", node);
        }
    }

    private object?[] EvaluateArguments(VtlExpression[] arguments)
    {
        if (arguments.Length == 0)
        {
            return [];
        }

        var values = new object?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            values[i] = Evaluate(arguments[i]);
        }

        return values;
    }
}
