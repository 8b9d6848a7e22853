namespace OrleansGateway.Mapping.Templates;

/// <summary>
/// The outcome of request template selection: the disposition and, for
/// <see cref="RequestBodyDisposition.Transform"/>, the template and the content type it is keyed by.
/// </summary>
public sealed record RequestTemplateChoice(RequestBodyDisposition Disposition, string? ContentType = null, string? Template = null)
{
    public static readonly RequestTemplateChoice PassThrough = new(RequestBodyDisposition.PassThrough);

    public static readonly RequestTemplateChoice Reject = new(RequestBodyDisposition.Reject);
}
