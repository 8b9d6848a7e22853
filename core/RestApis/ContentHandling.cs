namespace OrleansGateway.RestApis;

/// <summary>
/// The <c>contentHandling</c> of an integration (request) and of an integration response (response),
/// as AWS's "Content type conversions in API Gateway" tables apply them. A payload is binary when its
/// Content-Type matches the API's <c>binaryMediaTypes</c>; the response side also looks at whether the
/// client's first Accept type does.
/// </summary>
public static class ContentHandling
{
    public const string ConvertToText = "CONVERT_TO_TEXT";

    public const string ConvertToBinary = "CONVERT_TO_BINARY";

    /// <summary>
    /// Method request → integration request: CONVERT_TO_TEXT Base64-encodes a binary payload,
    /// CONVERT_TO_BINARY Base64-decodes a text one; without it the payload passes as it came.
    /// </summary>
    public static PayloadConversion ForRequest(string? contentHandling, bool payloadIsBinary) => contentHandling switch
    {
        ConvertToText when payloadIsBinary => PayloadConversion.ToBase64Text,
        ConvertToBinary when !payloadIsBinary => PayloadConversion.FromBase64Text,
        _ => PayloadConversion.None,
    };

    /// <summary>
    /// Integration response → method response: as <see cref="ForRequest"/> when set; without it a
    /// binary payload the client accepts as text is Base64-encoded, and a text payload the client
    /// accepts as binary is Base64-decoded.
    /// </summary>
    public static PayloadConversion ForResponse(string? contentHandling, bool payloadIsBinary, bool acceptIsBinary) => contentHandling switch
    {
        ConvertToText or ConvertToBinary => ForRequest(contentHandling, payloadIsBinary),
        _ when payloadIsBinary && !acceptIsBinary => PayloadConversion.ToBase64Text,
        _ when !payloadIsBinary && acceptIsBinary => PayloadConversion.FromBase64Text,
        _ => PayloadConversion.None,
    };
}
