using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane.RestApis;

/// <summary>
/// The apigateway operations this gateway does not implement answer each with an error botocore's
/// model lists for that operation, which boto3 parses as that error code, with a message naming
/// the operation; never the router's 404 for an unknown path.
/// </summary>
public sealed class RestUnsupportedOperationsTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>
{
    // Calls each operation with the arguments its input shape requires and prints what boto3 saw.
    private const string Script = """
        import json, sys, boto3
        from botocore.exceptions import ClientError
        c = boto3.client("apigateway", endpoint_url=sys.argv[1], region_name="us-east-1",
                         aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret")
        model = c.meta.service_model
        arn = "arn:aws:apigateway:us-east-1:000000000000:/domainnameaccessassociations/domainname/a.example.com+abc/vpcesource/vpce-1"
        values = {"restApiId": "abc123", "stageName": "prod", "sdkType": "javascript", "id": "java", "documentationPartId": "p1",
                  "documentationVersion": "v1", "clientCertificateId": "c1", "authorizerId": "z1", "domainNameArn": arn,
                  "domainNameAccessAssociationArn": arn, "accessAssociationSource": "vpce-1", "accessAssociationSourceType": "VPCE",
                  "location": {"type": "API"}, "properties": "{}", "body": b"{}"}
        seen = {}
        for name in sys.argv[2].split(","):
            operation = model.operation_model(name)
            required = operation.input_shape.required_members if operation.input_shape else []
            kwargs = {m: values[m] for m in required}
            method = getattr(c, {v: k for k, v in c.meta.method_to_api_mapping.items()}[name])
            try:
                method(**kwargs)
                seen[name] = None
            except ClientError as e:
                seen[name] = {"status": e.response["ResponseMetadata"]["HTTPStatusCode"], "code": e.response["Error"]["Code"],
                              "message": e.response["Error"]["Message"], "listed": [s.name for s in operation.error_shapes]}
        print(json.dumps(seen))
        """;

    private static readonly string[] Operations =
    [
        "GetSdk", "GetSdkTypes", "GetSdkType",
        "CreateDocumentationPart", "GetDocumentationPart", "GetDocumentationParts", "UpdateDocumentationPart", "DeleteDocumentationPart", "ImportDocumentationParts",
        "CreateDocumentationVersion", "GetDocumentationVersion", "GetDocumentationVersions", "UpdateDocumentationVersion", "DeleteDocumentationVersion",
        "GenerateClientCertificate", "GetClientCertificate", "GetClientCertificates", "UpdateClientCertificate", "DeleteClientCertificate",
        "TestInvokeAuthorizer",
        "CreateDomainNameAccessAssociation", "GetDomainNameAccessAssociations", "DeleteDomainNameAccessAssociation", "RejectDomainNameAccessAssociation",
    ];

    [Fact]
    public async Task EachUnsupportedOperation_AnswersAnErrorItsModelLists_WithAMessageNamingIt()
    {
        var seen = await PythonScript.RunAsync(Script, fixture.Edge.AdminUrl, string.Join(",", Operations));

        foreach (var operation in Operations)
        {
            var error = seen.GetProperty(operation);
            Assert.True(error.ValueKind == System.Text.Json.JsonValueKind.Object, $"{operation} succeeded");
            var code = error.GetProperty("code").GetString();
            Assert.True(error.GetProperty("listed").EnumerateArray().Any(e => e.GetString() == code), $"{operation}: {error}");
            Assert.Equal(code == "NotFoundException" ? 404 : 400, error.GetProperty("status").GetInt32());
            Assert.Equal($"{operation} is not supported by this gateway", error.GetProperty("message").GetString());
        }
    }
}
