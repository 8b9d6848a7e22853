namespace OrleansGateway.Vtl.Values;

/// <summary>
/// Velocity 1.7's MathUtils: integers stay integers (so <c>7 / 2</c> is 3), an <c>Integer</c> result that
/// overflows widens to <c>Long</c>, anything with a decimal is a <c>Double</c>. A non-number operand or a
/// zero divisor yields null, which Velocity logs and renders as the reference's text.
/// </summary>
internal static class JavaMath
{
    public static object? Add(object? left, object? right) => Apply(left, right, '+');

    public static object? Subtract(object? left, object? right) => Apply(left, right, '-');

    public static object? Multiply(object? left, object? right) => Apply(left, right, '*');

    public static object? Divide(object? left, object? right) => Apply(left, right, '/');

    public static object? Modulo(object? left, object? right) => Apply(left, right, '%');

    /// <summary>Negates a number, keeping its kind; null for anything else.</summary>
    public static object? Negate(object? value) => JavaValues.Normalize(value) switch
    {
        int i when i != int.MinValue => -i,
        int i => -(long)i,
        long l when l != long.MinValue => -l,
        long l => -(double)l,
        double d => -d,
        _ => null,
    };

    /// <summary>Compares two numbers; null when either is not a number.</summary>
    public static int? Compare(object? left, object? right)
    {
        // The common case in templates (a JSON Integer against an integer literal) without normalizing.
        if (left is int a && right is int b)
        {
            return a.CompareTo(b);
        }

        left = JavaValues.Normalize(left);
        right = JavaValues.Normalize(right);
        if (!JavaValues.IsNumber(left) || !JavaValues.IsNumber(right))
        {
            return null;
        }

        if (left is double || right is double)
        {
            return ToDouble(left).CompareTo(ToDouble(right));
        }

        return ToLong(left).CompareTo(ToLong(right));
    }

    public static bool IsZero(object? value) => JavaValues.Normalize(value) switch
    {
        int i => i == 0,
        long l => l == 0,
        double d => d == 0,
        _ => false,
    };

    private static object? Apply(object? left, object? right, char op)
    {
        left = JavaValues.Normalize(left);
        right = JavaValues.Normalize(right);
        if (!JavaValues.IsNumber(left) || !JavaValues.IsNumber(right))
        {
            return null;
        }

        if ((op == '/' || op == '%') && IsZero(right))
        {
            return null;
        }

        if (left is double || right is double)
        {
            var a = ToDouble(left);
            var b = ToDouble(right);
            return op switch
            {
                '+' => a + b,
                '-' => a - b,
                '*' => a * b,
                '/' => a / b,
                _ => a % b,
            };
        }

        var x = ToLong(left);
        var y = ToLong(right);
        long result;
        switch (op)
        {
            case '+':
                result = x + y;
                if (((result ^ x) & (result ^ y)) < 0)
                {
                    return (double)x + y;
                }

                break;
            case '-':
                result = x - y;
                if (((x ^ y) & (x ^ result)) < 0)
                {
                    return (double)x - y;
                }

                break;
            case '*':
                if (!TryMultiply(x, y, out result))
                {
                    return (double)x * y;
                }

                break;
            case '/':
                if (x == long.MinValue && y == -1)
                {
                    return -(double)x;
                }

                result = x / y;
                break;
            default:
                result = y == -1 ? 0 : x % y;
                break;
        }

        return Wrap(result, left is long || right is long);
    }

    private static bool TryMultiply(long x, long y, out long result)
    {
        try
        {
            result = checked(x * y);
            return true;
        }
        catch (OverflowException)
        {
            result = 0;
            return false;
        }
    }

    /// <summary>MathUtils.wrapPrimitive: the narrowest of the operands' types that holds the result.</summary>
    private static object Wrap(long value, bool anyLong) =>
        !anyLong && value is >= int.MinValue and <= int.MaxValue ? JavaBoxes.Int((int)value) : value;

    private static double ToDouble(object? value) => value switch
    {
        int i => i,
        long l => l,
        double d => d,
        _ => 0,
    };

    private static long ToLong(object? value) => value switch
    {
        int i => i,
        long l => l,
        _ => 0,
    };
}
