using System.Text.RegularExpressions;

namespace OrleansGateway.JsonPath;

/// <summary>Applies parsed segments to a document, in document order, as Jayway JsonPath does.</summary>
internal static class JsonPathEvaluator<TTree, TNode>
    where TTree : IJsonTree<TNode>
{
    private const int MaxScanDepth = 256;

    public static void Select(PathSegment[] segments, TNode root, List<TNode> results, Func<int, TNode>? lengthNode)
    {
        Apply(segments, 0, root, root, results, lengthNode);
    }

    private static void Apply(PathSegment[] segments, int index, TNode node, TNode root, List<TNode> results, Func<int, TNode>? lengthNode)
    {
        if (index == segments.Length)
        {
            results.Add(node);
            return;
        }

        switch (segments[index])
        {
            case PropertySegment property:
                if (TTree.IsObject(node))
                {
                    foreach (var name in property.Names)
                    {
                        if (TTree.TryGetProperty(node, name, out var value))
                        {
                            Apply(segments, index + 1, value, root, results, lengthNode);
                        }
                    }
                }

                break;
            case IndexSegment indexes:
                if (TTree.IsArray(node))
                {
                    var length = TTree.Length(node);
                    foreach (var i in indexes.Indexes)
                    {
                        var at = i < 0 ? i + length : i;
                        if (at >= 0 && at < length)
                        {
                            Apply(segments, index + 1, TTree.Item(node, at), root, results, lengthNode);
                        }
                    }
                }

                break;
            case SliceSegment slice:
                if (TTree.IsArray(node))
                {
                    var length = TTree.Length(node);
                    var from = Clamp(slice.Start ?? 0, length);
                    var to = Clamp(slice.End ?? length, length);
                    for (var i = from; i < to; i++)
                    {
                        Apply(segments, index + 1, TTree.Item(node, i), root, results, lengthNode);
                    }
                }

                break;
            case WildcardSegment:
                foreach (var child in TTree.Children(node))
                {
                    Apply(segments, index + 1, child, root, results, lengthNode);
                }

                break;
            case FilterSegment filter:
                if (TTree.IsArray(node))
                {
                    foreach (var item in TTree.Children(node))
                    {
                        if (Test(filter.Predicate, item, root))
                        {
                            Apply(segments, index + 1, item, root, results, lengthNode);
                        }
                    }
                }
                else if (TTree.IsObject(node) && Test(filter.Predicate, node, root))
                {
                    Apply(segments, index + 1, node, root, results, lengthNode);
                }

                break;
            case DeepScanSegment scan:
                Scan(segments, index, scan.Step, node, root, results, lengthNode, 0);
                break;
            case LengthSegment:
                if (lengthNode is not null && (TTree.IsArray(node) || TTree.IsObject(node)))
                {
                    var size = TTree.IsArray(node) ? TTree.Length(node) : TTree.Children(node).Count();
                    Apply(segments, index + 1, lengthNode(size), root, results, lengthNode);
                }
                else if (lengthNode is not null && TTree.Scalar(node) is string text)
                {
                    Apply(segments, index + 1, lengthNode(text.Length), root, results, lengthNode);
                }

                break;
        }
    }

    private static void Scan(PathSegment[] segments, int index, PathSegment step, TNode node, TNode root, List<TNode> results, Func<int, TNode>? lengthNode, int depth)
    {
        if (depth > MaxScanDepth)
        {
            return;
        }

        if (!TTree.IsObject(node) && !TTree.IsArray(node))
        {
            return;
        }

        var rest = new PathSegment[segments.Length - index];
        rest[0] = step;
        Array.Copy(segments, index + 1, rest, 1, segments.Length - index - 1);
        Apply(rest, 0, node, root, results, lengthNode);
        foreach (var child in TTree.Children(node))
        {
            Scan(segments, index, step, child, root, results, lengthNode, depth + 1);
        }
    }

    private static int Clamp(int value, int length)
    {
        if (value < 0)
        {
            value += length;
        }

        return Math.Clamp(value, 0, length);
    }

    private static bool Test(FilterNode predicate, TNode current, TNode root)
    {
        switch (predicate)
        {
            case FilterLogical logical:
                return logical.IsAnd
                    ? Test(logical.Left, current, root) && Test(logical.Right, current, root)
                    : Test(logical.Left, current, root) || Test(logical.Right, current, root);
            case FilterNot not:
                return !Test(not.Operand, current, root);
            case FilterComparison comparison:
                var left = Resolve(comparison.Left, current, root);
                if (comparison.Operator is null)
                {
                    return comparison.Left.Path is not null ? left != FilterValue.Missing : left is true;
                }

                var right = comparison.Right!.Regex is null ? Resolve(comparison.Right, current, root) : null;
                return Compare(comparison.Operator, left, right, comparison.Right.Regex);
            default:
                return false;
        }
    }

    private static object? Resolve(FilterOperand operand, TNode current, TNode root)
    {
        if (operand.Path is null)
        {
            return operand.Literal;
        }

        var results = new List<TNode>();
        Apply(operand.Path, 0, operand.FromRoot ? root : current, root, results, null);
        if (results.Count == 0)
        {
            return FilterValue.Missing;
        }

        if (results.Count > 1 || !IsDefinite(operand.Path))
        {
            return results.Select(TTree.Scalar).ToList();
        }

        var node = results[0];
        if (TTree.IsArray(node))
        {
            return TTree.Children(node).Select(TTree.Scalar).ToList();
        }

        return TTree.Scalar(node);
    }

    private static bool IsDefinite(PathSegment[] path) => path.All(segment => segment.IsDefinite);

    private static bool Compare(string op, object? left, object? right, Regex? regex)
    {
        if (left == FilterValue.Missing)
        {
            return op is "!=" or "nin" && right != FilterValue.Missing;
        }

        switch (op)
        {
            case "==":
                return ScalarEquals(left, right);
            case "!=":
                return !ScalarEquals(left, right);
            case "<":
                return Order(left, right) is < 0;
            case "<=":
                return Order(left, right) is <= 0;
            case ">":
                return Order(left, right) is > 0;
            case ">=":
                return Order(left, right) is >= 0;
            case "=~":
                try
                {
                    return regex is not null && left is string text && regex.IsMatch(text);
                }
                catch (RegexMatchTimeoutException)
                {
                    return false;
                }

            case "in":
                return right is List<object?> set && set.Exists(item => ScalarEquals(left, item));
            case "nin":
                return right is List<object?> set2 && !set2.Exists(item => ScalarEquals(left, item));
            case "contains":
                return left switch
                {
                    string s when right is string part => s.Contains(part, StringComparison.Ordinal),
                    List<object?> items => items.Exists(item => ScalarEquals(item, right)),
                    _ => false,
                };
            case "size":
                var size = left switch
                {
                    string s => s.Length,
                    List<object?> items => items.Count,
                    _ => -1,
                };
                return right is double expected && size == expected;
            case "empty":
                var empty = left switch
                {
                    string s => s.Length == 0,
                    List<object?> items => items.Count == 0,
                    _ => false,
                };
                return right is bool wanted && empty == wanted;
            case "anyof":
                return left is List<object?> l1 && right is List<object?> r1 && l1.Exists(a => r1.Exists(b => ScalarEquals(a, b)));
            case "noneof":
                return left is List<object?> l2 && right is List<object?> r2 && !l2.Exists(a => r2.Exists(b => ScalarEquals(a, b)));
            case "subsetof":
                return left is List<object?> l3 && right is List<object?> r3 && l3.TrueForAll(a => r3.Exists(b => ScalarEquals(a, b)));
            default:
                return false;
        }
    }

    private static bool ScalarEquals(object? left, object? right) => (left, right) switch
    {
        (null, null) => true,
        (double a, double b) => a == b,
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        (bool a, bool b) => a == b,
        (List<object?> a, List<object?> b) => a.Count == b.Count && a.Zip(b).All(pair => ScalarEquals(pair.First, pair.Second)),
        _ => false,
    };

    private static int? Order(object? left, object? right) => (left, right) switch
    {
        (double a, double b) => a.CompareTo(b),
        (string a, string b) => string.CompareOrdinal(a, b),
        _ => null,
    };
}
