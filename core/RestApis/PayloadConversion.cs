namespace OrleansGateway.RestApis;

/// <summary>What a REST payload undergoes between the client and the integration (see <see cref="ContentHandling"/>).</summary>
public enum PayloadConversion
{
    /// <summary>Passed on as it is: text stays text, binary stays binary.</summary>
    None,

    /// <summary>Binary bytes become their Base64 text.</summary>
    ToBase64Text,

    /// <summary>Text is read as Base64 and becomes the bytes it encodes.</summary>
    FromBase64Text,
}
