using OrleansGateway.Mapping.Templates;

namespace OrleansGateway.Mapping.Context;

// The REST tree: "Context variables for data transformations" in AWS's developer guide.
public static partial class ContextVariables
{
    public static Dictionary<string, object?> Rest(RestContextInputs request)
    {
        var identity = request.Identity;
        var context = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["accountId"] = request.AccountId,
            ["apiId"] = request.ApiId,
            ["authorizer"] = Authorizer(request.Authorizer, withClaims: true),
            ["awsEndpointRequestId"] = request.AwsEndpointRequestId,
            ["deploymentId"] = request.DeploymentId,
            ["domainName"] = request.DomainName,
            ["domainPrefix"] = request.DomainName?.Split('.', 2)[0],
            ["error"] = Error(request.Error),
            ["extendedRequestId"] = request.ExtendedRequestId,
            ["httpMethod"] = request.HttpMethod,
            ["identity"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["accountId"] = identity.AccountId,
                ["apiKey"] = identity.ApiKey,
                ["apiKeyId"] = identity.ApiKeyId,
                ["caller"] = identity.Caller,
                ["clientCert"] = ClientCert(identity.ClientCert),
                ["cognitoAuthenticationProvider"] = identity.CognitoAuthenticationProvider,
                ["cognitoAuthenticationType"] = identity.CognitoAuthenticationType,
                ["cognitoIdentityId"] = identity.CognitoIdentityId,
                ["cognitoIdentityPoolId"] = identity.CognitoIdentityPoolId,
                ["principalOrgId"] = identity.PrincipalOrgId,
                ["sourceIp"] = identity.SourceIp,
                ["user"] = identity.User,
                ["userAgent"] = identity.UserAgent,
                ["userArn"] = identity.UserArn,
                ["vpcId"] = identity.VpcId,
                ["vpceId"] = identity.VpceId,
            },
            ["isCanaryRequest"] = request.IsCanaryRequest,
            ["path"] = request.Path,
            ["protocol"] = request.Protocol,
            ["requestId"] = request.RequestId,
            ["requestTime"] = FormatRequestTime(request.RequestTime),
            ["requestTimeEpoch"] = request.RequestTime.ToUnixTimeMilliseconds(),
            ["resourceId"] = request.ResourceId,
            ["resourcePath"] = request.ResourcePath,
            ["stage"] = request.Stage,
            ["wafResponseCode"] = request.WafResponseCode,
            ["webaclArn"] = request.WebAclArn,
            ["xrayTraceId"] = request.XrayTraceId,
        };
        MappingContext.WithOverrideMaps(context);
        return context;
    }
}
