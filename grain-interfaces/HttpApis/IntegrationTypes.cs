namespace OrleansGateway.HttpApis;

/// <summary>An integration's <c>integrationType</c> as the wire spells it.</summary>
public static class IntegrationTypes
{
    public const string Http = "HTTP";

    public const string HttpProxy = "HTTP_PROXY";

    public const string Mock = "MOCK";

    public const string Aws = "AWS";

    public const string AwsProxy = "AWS_PROXY";
}
