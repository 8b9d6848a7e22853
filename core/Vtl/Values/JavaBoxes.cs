namespace OrleansGateway.Vtl.Values;

/// <summary>
/// Shared boxes for booleans and small integers (Java caches <c>Integer</c> -128..127 the same way), so
/// loops that compare, count and test do not allocate on every step.
/// </summary>
internal static class JavaBoxes
{
    private const int Low = -128;
    private const int High = 1023;
    private static readonly object[] Integers = CreateIntegers();

    public static readonly object True = true;

    public static readonly object False = false;

    public static object Bool(bool value) => value ? True : False;

    public static object Int(int value) => value is >= Low and <= High ? Integers[value - Low] : value;

    private static object[] CreateIntegers()
    {
        var boxes = new object[High - Low + 1];
        for (var i = 0; i < boxes.Length; i++)
        {
            boxes[i] = i + Low;
        }

        return boxes;
    }
}
