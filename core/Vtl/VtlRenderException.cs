namespace OrleansGateway.Vtl;

/// <summary>
/// A render that failed: a limit was hit or the template did something Velocity rejects at run
/// time. The only exception <see cref="VtlTemplate.Render"/> throws.
/// </summary>
public sealed class VtlRenderException : Exception
{
    public VtlRenderException(string message)
        : base(message)
    {
    }

    public VtlRenderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
