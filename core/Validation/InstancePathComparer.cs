namespace OrleansGateway.Validation;

/// <summary>Orders instance pointers as a reader expects: array indexes numerically, names by ordinal.</summary>
internal sealed class InstancePathComparer : IComparer<string>
{
    public static readonly InstancePathComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var left = (x ?? string.Empty).Split('/');
        var right = (y ?? string.Empty).Split('/');
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            var order = int.TryParse(left[i], out var a) && int.TryParse(right[i], out var b)
                ? a.CompareTo(b)
                : string.CompareOrdinal(left[i], right[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return left.Length.CompareTo(right.Length);
    }
}
