namespace OrleansGateway.Mapping.Templates;

/// <summary>What the integration request does with the method request's body.</summary>
public enum RequestBodyDisposition
{
    /// <summary>Render the chosen mapping template.</summary>
    Transform,

    /// <summary>Send the body on unchanged.</summary>
    PassThrough,

    /// <summary>Refuse with the <c>UNSUPPORTED_MEDIA_TYPE</c> gateway response (415).</summary>
    Reject,
}
