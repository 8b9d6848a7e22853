using OrleansGateway.Mapping.Context;
using OrleansGateway.Mapping.GatewayResponses;
using OrleansGateway.Mapping.Parameters;
using OrleansGateway.Mapping.Selection;
using OrleansGateway.Mapping.Templates;

namespace OrleansGateway.Core.Tests.Mapping;

/// <summary>
/// <c>$context</c> as AWS lists it. REST: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
/// ("Context variables for data transformations"); WebSocket:
/// https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-mapping-template-reference.html.
/// </summary>
public sealed class ContextVariablesTests
{
    // 2026-11-25 18:05:09.123 UTC, given in another offset to show the output is always UTC.
    private static readonly DateTimeOffset RequestTime = new(2026, 11, 25, 20, 5, 9, 123, TimeSpan.FromHours(2));

    /// <summary>Every REST variable AWS lists, less the open-ended <c>authorizer.property</c> and <c>claims.property</c> and the override maps.</summary>
    private static readonly string[] RestVariables =
    [
        "accountId", "apiId", "authorizer.principalId", "awsEndpointRequestId", "deploymentId", "domainName", "domainPrefix",
        "error.message", "error.messageString", "error.responseType", "error.validationErrorString", "extendedRequestId",
        "httpMethod", "identity.accountId", "identity.apiKey", "identity.apiKeyId", "identity.caller",
        "identity.clientCert.clientCertPem", "identity.clientCert.issuerDN", "identity.clientCert.serialNumber",
        "identity.clientCert.subjectDN", "identity.clientCert.validity.notAfter", "identity.clientCert.validity.notBefore",
        "identity.cognitoAuthenticationProvider", "identity.cognitoAuthenticationType", "identity.cognitoIdentityId",
        "identity.cognitoIdentityPoolId", "identity.principalOrgId", "identity.sourceIp", "identity.user",
        "identity.userAgent", "identity.userArn", "identity.vpcId", "identity.vpceId", "isCanaryRequest", "path",
        "protocol", "requestId", "requestTime", "requestTimeEpoch", "resourceId", "resourcePath", "stage",
        "wafResponseCode", "webaclArn", "xrayTraceId",
    ];

    /// <summary>Every WebSocket variable AWS lists, plus <c>messageDirection</c> and the disconnect ones from its WebSocket logging list.</summary>
    private static readonly string[] WebSocketVariables =
    [
        "apiId", "authorizer.principalId", "connectedAt", "connectionId", "disconnectReason", "disconnectStatusCode", "domainName", "error.message",
        "error.messageString", "error.responseType", "error.validationErrorString", "eventType", "extendedRequestId",
        "identity.accountId", "identity.apiKey", "identity.apiKeyId", "identity.caller",
        "identity.cognitoAuthenticationProvider", "identity.sourceIp", "identity.user", "identity.userAgent",
        "identity.userArn", "messageDirection", "messageId", "requestId", "requestTime", "requestTimeEpoch", "routeKey",
        "stage", "status",
    ];

    private static RestContextInputs FullRest() => new()
    {
        ApiId = "a1b2c3d4e5",
        Stage = "prod",
        RequestId = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
        ExtendedRequestId = "Ab1CdFzzIAMFu0A=",
        AccountId = "123456789012",
        DeploymentId = "dep123",
        ResourceId = "res456",
        ResourcePath = "/pets/{petId}",
        HttpMethod = "POST",
        Path = "/prod/pets/7",
        Protocol = "HTTP/1.1",
        DomainName = "a1b2c3d4e5.execute-api.local.example",
        RequestTime = RequestTime,
        Identity = new CallerIdentity
        {
            SourceIp = "192.0.2.1",
            UserAgent = "curl/8.5.0",
            AccountId = "210987654321",
            ApiKey = "MyTestKey",
            ApiKeyId = "key789",
            Caller = "AIDACALLER",
            User = "AIDAUSER",
            UserArn = "arn:aws:iam::210987654321:user/carlos",
            CognitoAuthenticationProvider = "cognito-idp.us-east-1.amazonaws.com/us-east-1_pool",
            CognitoAuthenticationType = "authenticated",
            CognitoIdentityId = "us-east-1:identity",
            CognitoIdentityPoolId = "us-east-1:pool",
            PrincipalOrgId = "o-abc123",
            VpcId = "vpc-1",
            VpceId = "vpce-2",
            ClientCert = new ClientCertificateInfo(
                "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----", "CN=client", "CN=ca", "01:02:03",
                new DateTimeOffset(2026, 8, 3, 9, 36, 4, TimeSpan.Zero), new DateTimeOffset(2027, 8, 15, 9, 36, 4, TimeSpan.Zero)),
        },
        Authorizer = new AuthorizerOutput { PrincipalId = "user-1" },
        IsCanaryRequest = false,
        Error = new GatewayError(GatewayResponseType.BadRequestBody, "Invalid request body", ValidationErrorString: "[instance is null]"),
        AwsEndpointRequestId = "aws-req-1",
        WafResponseCode = "WAF_ALLOW",
        WebAclArn = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/acl/1",
        XrayTraceId = "Root=1-5e1b4151-5ac6c58f5b5dbd6a1e1a2b3c",
    };

    private static WebSocketContextInputs FullWebSocket() => new()
    {
        ApiId = "ws1234",
        Stage = "dev",
        ConnectionId = "L0SM9cOFvHcCIhw=",
        ConnectedAt = new DateTimeOffset(2026, 11, 25, 18, 0, 0, 42, TimeSpan.Zero),
        EventType = WebSocketEventType.Message,
        RouteKey = "sendMessage",
        ExtendedRequestId = "L0SNGH8PIAMFgZA=",
        MessageId = "L0SNdcbdIAMCJSw=",
        DomainName = "ws1234.execute-api.local.example",
        RequestTime = RequestTime,
        Identity = new CallerIdentity
        {
            SourceIp = "198.51.100.7",
            UserAgent = "wscat",
            AccountId = "210987654321",
            ApiKey = "WsKey",
            ApiKeyId = "wskey1",
            Caller = "AIDACALLER",
            User = "AIDAUSER",
            UserArn = "arn:aws:iam::210987654321:user/ana",
            CognitoAuthenticationProvider = "cognito-idp.provider",
        },
        Authorizer = new AuthorizerOutput { PrincipalId = "ws-user" },
        Status = 200,
        Error = new GatewayError(GatewayResponseType.Default4xx, "Forbidden", 403, "[bad]"),
    };

    public static TheoryData<string, string> RestExpected => new()
    {
        { "accountId", "123456789012" },
        { "apiId", "a1b2c3d4e5" },
        { "authorizer.principalId", "user-1" },
        { "awsEndpointRequestId", "aws-req-1" },
        { "deploymentId", "dep123" },
        { "domainName", "a1b2c3d4e5.execute-api.local.example" },
        { "domainPrefix", "a1b2c3d4e5" },
        { "error.message", "Invalid request body" },
        { "error.messageString", "\"Invalid request body\"" },
        { "error.responseType", "BAD_REQUEST_BODY" },
        { "error.validationErrorString", "[instance is null]" },
        { "extendedRequestId", "Ab1CdFzzIAMFu0A=" },
        { "httpMethod", "POST" },
        { "identity.accountId", "210987654321" },
        { "identity.apiKey", "MyTestKey" },
        { "identity.apiKeyId", "key789" },
        { "identity.caller", "AIDACALLER" },
        { "identity.clientCert.clientCertPem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----" },
        { "identity.clientCert.issuerDN", "CN=ca" },
        { "identity.clientCert.serialNumber", "01:02:03" },
        { "identity.clientCert.subjectDN", "CN=client" },
        { "identity.clientCert.validity.notAfter", "Aug 15 09:36:04 2027 GMT" },
        { "identity.clientCert.validity.notBefore", "Aug  3 09:36:04 2026 GMT" },
        { "identity.cognitoAuthenticationProvider", "cognito-idp.us-east-1.amazonaws.com/us-east-1_pool" },
        { "identity.cognitoAuthenticationType", "authenticated" },
        { "identity.cognitoIdentityId", "us-east-1:identity" },
        { "identity.cognitoIdentityPoolId", "us-east-1:pool" },
        { "identity.principalOrgId", "o-abc123" },
        { "identity.sourceIp", "192.0.2.1" },
        { "identity.user", "AIDAUSER" },
        { "identity.userAgent", "curl/8.5.0" },
        { "identity.userArn", "arn:aws:iam::210987654321:user/carlos" },
        { "identity.vpcId", "vpc-1" },
        { "identity.vpceId", "vpce-2" },
        { "isCanaryRequest", "false" },
        { "path", "/prod/pets/7" },
        { "protocol", "HTTP/1.1" },
        { "requestId", "c6af9ac6-7b61-11e6-9a41-93e8deadbeef" },
        { "requestTime", "25/Nov/2026:18:05:09 +0000" },
        { "requestTimeEpoch", "1795629909123" },
        { "resourceId", "res456" },
        { "resourcePath", "/pets/{petId}" },
        { "stage", "prod" },
        { "wafResponseCode", "WAF_ALLOW" },
        { "webaclArn", "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/acl/1" },
        { "xrayTraceId", "Root=1-5e1b4151-5ac6c58f5b5dbd6a1e1a2b3c" },
    };

    public static TheoryData<string, string> WebSocketExpected => new()
    {
        { "apiId", "ws1234" },
        { "authorizer.principalId", "ws-user" },
        { "connectedAt", "1795629600042" },
        { "connectionId", "L0SM9cOFvHcCIhw=" },
        { "domainName", "ws1234.execute-api.local.example" },
        { "error.message", "Forbidden" },
        { "error.messageString", "\"Forbidden\"" },
        { "error.responseType", "DEFAULT_4XX" },
        { "error.validationErrorString", "[bad]" },
        { "eventType", "MESSAGE" },
        { "extendedRequestId", "L0SNGH8PIAMFgZA=" },
        { "identity.accountId", "210987654321" },
        { "identity.apiKey", "WsKey" },
        { "identity.apiKeyId", "wskey1" },
        { "identity.caller", "AIDACALLER" },
        { "identity.cognitoAuthenticationProvider", "cognito-idp.provider" },
        { "identity.sourceIp", "198.51.100.7" },
        { "identity.user", "AIDAUSER" },
        { "identity.userAgent", "wscat" },
        { "identity.userArn", "arn:aws:iam::210987654321:user/ana" },
        { "messageDirection", "IN" },
        { "messageId", "L0SNdcbdIAMCJSw=" },
        { "requestId", "L0SNGH8PIAMFgZA=" },
        { "requestTime", "25/Nov/2026:18:05:09 +0000" },
        { "requestTimeEpoch", "1795629909123" },
        { "routeKey", "sendMessage" },
        { "stage", "dev" },
        { "status", "200" },
    };

    /// <summary>REST variables that depend on an optional feature and so render empty on a plain request.</summary>
    public static TheoryData<string> RestAbsentOnAPlainRequest => new(
        "accountId", "authorizer.principalId", "authorizer.claims.sub", "awsEndpointRequestId", "deploymentId",
        "domainName", "domainPrefix", "error.message", "error.messageString", "error.responseType",
        "error.validationErrorString", "extendedRequestId", "identity.apiKey", "identity.apiKeyId", "identity.caller",
        "identity.clientCert.clientCertPem", "identity.clientCert.validity.notAfter", "identity.cognitoIdentityId",
        "identity.user", "identity.userArn", "identity.vpceId", "isCanaryRequest", "wafResponseCode", "webaclArn",
        "xrayTraceId", "responseOverride.status", "connectionId", "routeKey");

    public static TheoryData<string> WebSocketAbsentOnConnect => new(
        "messageId", "status", "authorizer.principalId", "error.message", "error.messageString", "identity.apiKey",
        "identity.userArn", "httpMethod", "resourcePath", "domainPrefix", "identity.cognitoIdentityId", "authorizer.claims.sub");

    [Theory]
    [MemberData(nameof(RestExpected))]
    public void RestTemplate_RendersEveryListedVariable(string variable, string expected) =>
        Assert.Equal(expected, Render("$context." + variable, ContextVariables.Rest(FullRest())));

    [Theory]
    [MemberData(nameof(WebSocketExpected))]
    public void WebSocketTemplate_RendersEveryListedVariable(string variable, string expected) =>
        Assert.Equal(expected, Render("$context." + variable, ContextVariables.WebSocket(FullWebSocket())));

    [Theory]
    [MemberData(nameof(RestAbsentOnAPlainRequest))]
    public void RestTemplate_VariableThatDoesNotApply_RendersEmpty(string variable)
    {
        var plain = new RestContextInputs { ApiId = "a1", Stage = "prod", RequestId = "r-1", RequestTime = RequestTime };

        Assert.Equal("[]", Render("[$context." + variable + "]", ContextVariables.Rest(plain)));
    }

    [Theory]
    [MemberData(nameof(WebSocketAbsentOnConnect))]
    public void WebSocketTemplate_VariableThatDoesNotApply_RendersEmpty(string variable)
    {
        var connect = FullWebSocket() with
        {
            EventType = WebSocketEventType.Connect,
            RouteKey = "$connect",
            Authorizer = null,
            Status = null,
            Error = null,
            Identity = new CallerIdentity { SourceIp = "198.51.100.7" },
        };

        Assert.Equal("[]", Render("[$context." + variable + "]", ContextVariables.WebSocket(connect)));
    }

    [Fact]
    public void RestTree_HoldsExactlyTheListedVariables() =>
        Assert.Equal(RestVariables.Order(StringComparer.Ordinal), Leaves(ContextVariables.Rest(FullRest())));

    [Fact]
    public void WebSocketTree_HoldsExactlyTheListedVariables() =>
        Assert.Equal(WebSocketVariables.Order(StringComparer.Ordinal), Leaves(ContextVariables.WebSocket(FullWebSocket())));

    [Fact]
    public void BothTrees_StartWithEmptyOverrideMaps()
    {
        foreach (var context in new[] { ContextVariables.Rest(FullRest()), ContextVariables.WebSocket(FullWebSocket()) })
        {
            Assert.Equal(
                "{header={}, querystring={}, path={}}|{header={}}|",
                Render("$context.requestOverride|$context.responseOverride|$context.responseOverride.status", context));
        }
    }

    [Fact]
    public void CognitoClaims_AreReadByName()
    {
        var request = FullRest() with
        {
            Authorizer = new AuthorizerOutput
            {
                Claims = new Dictionary<string, string> { ["sub"] = "7d8e-11aa", ["email"] = "ana@example.com", ["cognito:username"] = "ana" },
            },
        };

        Assert.Equal(
            "7d8e-11aa ana@example.com ana []",
            Render("""$context.authorizer.claims.sub $context.authorizer.claims.email $context.authorizer.claims["cognito:username"] [$context.authorizer.principalId]""", ContextVariables.Rest(request)));
    }

    [Fact]
    public void LambdaAuthorizerContext_ValuesAreStringified()
    {
        var request = FullRest() with
        {
            Authorizer = new AuthorizerOutput
            {
                PrincipalId = "user|a1b2",
                Context = new Dictionary<string, object?> { ["key"] = "value", ["numKey"] = 1, ["boolKey"] = true, ["ratio"] = 0.5 },
            },
        };

        // AWS: "$context.authorizer.numKey returns the "1" string"; a string has length(), a number would render nothing.
        Assert.Equal(
            "user|a1b2 value 1 true 0.5 1 4",
            Render("$context.authorizer.principalId $context.authorizer.key $context.authorizer.numKey $context.authorizer.boolKey $context.authorizer.ratio $context.authorizer.numKey.length() $context.authorizer.boolKey.length()", ContextVariables.Rest(request)));
    }

    [Fact]
    public void WebSocketAuthorizer_ContextKeysAndPrincipal()
    {
        var request = FullWebSocket() with
        {
            Authorizer = new AuthorizerOutput { PrincipalId = "me", Context = new Dictionary<string, object?> { ["tenant"] = "t1", ["tier"] = 3L } },
        };

        Assert.Equal("me t1 3", Render("$context.authorizer.principalId $context.authorizer.tenant $context.authorizer.tier", ContextVariables.WebSocket(request)));
    }

    [Fact]
    public void SourceIp_ReachesTemplatesAndParameterMappings()
    {
        var context = ContextVariables.Rest(FullRest());
        var mapper = new RequestParameterMapper(new Dictionary<string, string>
        {
            ["integration.request.header.x-source-ip"] = "context.identity.sourceIp",
            ["integration.request.header.x-principal"] = "context.authorizer.principalId",
            ["integration.request.querystring.epoch"] = "context.requestTimeEpoch",
        });

        var mapped = mapper.Map(new ParameterInputs { Request = new MethodRequestData(), Context = context });

        Assert.Equal("192.0.2.1", Render("$context.identity.sourceIp", context));
        Assert.Equal("192.0.2.1", mapped.Headers["x-source-ip"]);
        Assert.Equal("user-1", mapped.Headers["x-principal"]);
        Assert.Equal(["1795629909123"], mapped.QueryString["epoch"]);
    }

    [Fact]
    public void ErrorMessageString_IsTheMessageQuotedForJson()
    {
        var error = new GatewayError(GatewayResponseType.Default4xx, "Say \"hi\" to C:\\", 400);
        var context = ContextVariables.Rest(FullRest() with { Error = error });

        Assert.Equal("{\"message\":\"Say \\\"hi\\\" to C:\\\\\"}", Render("{\"message\":$context.error.messageString}", context));
    }

    [Fact]
    public void GatewayResponse_FromABuiltContext_SubstitutesErrorAndRequestVariables()
    {
        var customized = new GatewayResponseDefinition
        {
            ResponseType = "DEFAULT_4XX",
            ResponseTemplates = new Dictionary<string, string>
            {
                ["application/json"] = """{"message":$context.error.messageString,"type":"$context.error.responseType","ip":"$context.identity.sourceIp","id":"$context.requestId","canary":"$context.isCanaryRequest"}""",
            },
        };
        var renderer = new GatewayResponseRenderer(new GatewayResponseResolver([customized]));
        var context = ContextVariables.Rest(FullRest() with { Error = null, IsCanaryRequest = null });

        var result = renderer.Render(
            new GatewayError(GatewayResponseType.Throttled, "Too Many Requests"),
            new ParameterInputs { Request = new MethodRequestData(), Context = context });

        Assert.Equal(
            """{"message":"Too Many Requests","type":"THROTTLED","ip":"192.0.2.1","id":"c6af9ac6-7b61-11e6-9a41-93e8deadbeef","canary":""}""",
            result.Body);
    }

    [Fact]
    public void ResponseOverride_SetByTheTemplate_ChangesStatusAndHeaders()
    {
        var mapper = new IntegrationResponseMapper(
            "dep-1",
            [
                new IntegrationResponseDefinition
                {
                    StatusCode = "200",
                    ResponseParameters = new Dictionary<string, string> { ["method.response.header.x-mapped"] = "'mapped'" },
                    ResponseTemplates = new Dictionary<string, string>
                    {
                        ["application/json"] = """
                            #set($context.responseOverride.status = 404)
                            #set($context.responseOverride.header.x-mapped = "overridden")
                            #set($context.responseOverride.header.x-request = $context.requestId)
                            {"found":false}
                            """,
                    },
                },
            ],
            new CompiledTemplateCache());

        var result = mapper.Map(
            IntegrationOutcome.Status(200),
            new IntegrationResponseData { Body = "{}" },
            new MethodRequestData(),
            ContextVariables.Rest(FullRest()),
            null);

        Assert.Null(result.Error);
        Assert.Equal(404, result.StatusCode);
        Assert.Equal("overridden", result.Headers["x-mapped"]);
        Assert.Equal("c6af9ac6-7b61-11e6-9a41-93e8deadbeef", result.Headers["x-request"]);
        Assert.Equal("{\"found\":false}", result.Body?.Trim());
    }

    [Fact]
    public void RequestTime_IsAwsClfInUtc_AndEpochIsMilliseconds()
    {
        var context = ContextVariables.Rest(FullRest() with { RequestTime = new DateTimeOffset(2026, 1, 5, 1, 2, 3, 4, TimeSpan.FromHours(-5)) });

        Assert.Equal("05/Jan/2026:06:02:03 +0000 1767592923004", Render("$context.requestTime $context.requestTimeEpoch", context));
    }

    private static string? Render(string template, IDictionary<string, object?> context)
    {
        var mapper = new IntegrationRequestMapper(
            "dep-1",
            new Dictionary<string, string> { ["application/json"] = template },
            PassthroughBehavior.WhenNoMatch,
            new RequestParameterMapper(null),
            new CompiledTemplateCache());
        var request = new MethodRequestData
        {
            Headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = ["application/json"] },
        };

        var result = mapper.Map(request, context, null);

        Assert.Null(result.Error);
        return result.Body;
    }

    /// <summary>Dotted paths of the tree's leaves, leaving out the override maps the template writes into.</summary>
    private static IEnumerable<string> Leaves(IDictionary<string, object?> tree)
    {
        var leaves = new List<string>();
        Collect(tree, string.Empty, leaves);
        return leaves.Where(l => !l.StartsWith(MappingContext.RequestOverride, StringComparison.Ordinal)
            && !l.StartsWith(MappingContext.ResponseOverride, StringComparison.Ordinal)).Order(StringComparer.Ordinal);

        static void Collect(IDictionary<string, object?> map, string prefix, List<string> leaves)
        {
            foreach (var (name, value) in map)
            {
                if (value is IDictionary<string, object?> child)
                {
                    Collect(child, prefix + name + ".", leaves);
                }
                else
                {
                    leaves.Add(prefix + name);
                }
            }
        }
    }
}
