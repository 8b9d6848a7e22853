namespace OrleansGateway.Samples.Chat;

/// <summary>
/// Where the backend pushes: the WebSocket stage's base URL (<c>Chat:StageUrl</c>, such as
/// <c>http://127.0.0.1:8080/_aws/execute-api/{apiId}/prod</c>), and the key pair to sign with, read
/// from the AWS CLI's variables (<c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c>, <c>AWS_REGION</c>
/// or <c>AWS_DEFAULT_REGION</c>). Without a key pair the calls go unsigned, which a gateway without
/// keys accepts from loopback.
/// </summary>
public sealed record ChatOptions(Uri StageUrl, SigningKey? Key)
{
    public const string StageUrlKey = "Chat:StageUrl";

    /// <summary>The options, or a one-line reason why the configuration cannot be used.</summary>
    public static (ChatOptions? Options, string? Error) From(IConfiguration configuration)
    {
        var stageUrl = configuration[StageUrlKey];
        if (string.IsNullOrEmpty(stageUrl))
        {
            return (null, $"{StageUrlKey} is not set: run samples/chat/setup.sh, which prints the command that starts this backend");
        }

        if (!Uri.TryCreate(stageUrl.TrimEnd('/') + "/", UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return (null, $"{StageUrlKey} must be the stage's http(s) base URL, such as http://127.0.0.1:8080/_aws/execute-api/abc123/prod (got '{stageUrl}')");
        }

        var accessKeyId = configuration["AWS_ACCESS_KEY_ID"];
        var secretAccessKey = configuration["AWS_SECRET_ACCESS_KEY"];
        var region = configuration["AWS_REGION"] ?? configuration["AWS_DEFAULT_REGION"] ?? "us-east-1";
        var key = string.IsNullOrEmpty(accessKeyId) || string.IsNullOrEmpty(secretAccessKey) ? null : new SigningKey(accessKeyId, secretAccessKey, region);
        return (new ChatOptions(url, key), null);
    }
}
