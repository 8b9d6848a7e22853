namespace OrleansGateway.Vtl.Values;

/// <summary>
/// The powers of ten that are exact doubles and keep a 15-digit integer exact when multiplied or divided
/// by them: the ground of Clinger's fast paths, which parse and print short decimals with one correctly
/// rounded operation instead of the general algorithms.
/// </summary>
internal static class ExactPowersOfTen
{
    /// <summary>Most significant digits a decimal may have for the fast paths to be exact.</summary>
    public const int MaxDigits = 15;

    private static readonly double[] Values = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>10^<paramref name="exponent"/>, for 0 to <see cref="MaxDigits"/>.</summary>
    public static double Get(int exponent) => Values[exponent];
}
