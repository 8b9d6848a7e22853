using OrleansGateway.Errors;

namespace OrleansGateway.Edge.ControlPlane.RestApis;

/// <summary>
/// The apigateway operations this gateway does not implement (SDK generation, documentation parts
/// and versions, client certificates, TestInvokeAuthorizer, domain name access associations),
/// each routed by its own method and URI from botocore's model so that a client gets an error for
/// the operation it called, not the router's 404: an error type the model lists for that operation
/// (BadRequestException, or NotFoundException where the model lists no BadRequestException), with
/// a message saying what is not supported. The table was generated from the model's
/// <c>operations[*].http</c>; <c>RestUnsupportedOperationsTests</c> checks it against the model.
/// </summary>
public static class RestUnsupportedOperations
{
    public static readonly IReadOnlyList<UnsupportedOperation> All =
    [
        new("POST", "/restapis/{restapi_id}/documentation/parts", "CreateDocumentationPart", "BadRequestException"),
        new("POST", "/restapis/{restapi_id}/documentation/versions", "CreateDocumentationVersion", "BadRequestException"),
        new("POST", "/domainnameaccessassociations", "CreateDomainNameAccessAssociation", "BadRequestException"),
        new("DELETE", "/clientcertificates/{clientcertificate_id}", "DeleteClientCertificate", "BadRequestException"),
        new("DELETE", "/restapis/{restapi_id}/documentation/parts/{part_id}", "DeleteDocumentationPart", "BadRequestException"),
        new("DELETE", "/restapis/{restapi_id}/documentation/versions/{doc_version}", "DeleteDocumentationVersion", "BadRequestException"),
        new("DELETE", "/domainnameaccessassociations/{domain_name_access_association_arn}", "DeleteDomainNameAccessAssociation", "BadRequestException"),
        new("POST", "/clientcertificates", "GenerateClientCertificate", "BadRequestException"),
        new("GET", "/clientcertificates/{clientcertificate_id}", "GetClientCertificate", "BadRequestException"),
        new("GET", "/clientcertificates", "GetClientCertificates", "BadRequestException"),
        new("GET", "/restapis/{restapi_id}/documentation/parts/{part_id}", "GetDocumentationPart", "BadRequestException"),
        new("GET", "/restapis/{restapi_id}/documentation/parts", "GetDocumentationParts", "BadRequestException"),
        new("GET", "/restapis/{restapi_id}/documentation/versions/{doc_version}", "GetDocumentationVersion", "NotFoundException"),
        new("GET", "/restapis/{restapi_id}/documentation/versions", "GetDocumentationVersions", "BadRequestException"),
        new("GET", "/domainnameaccessassociations", "GetDomainNameAccessAssociations", "BadRequestException"),
        new("GET", "/restapis/{restapi_id}/stages/{stage_name}/sdks/{sdk_type}", "GetSdk", "BadRequestException"),
        new("GET", "/sdktypes/{sdktype_id}", "GetSdkType", "BadRequestException"),
        new("GET", "/sdktypes", "GetSdkTypes", "BadRequestException"),
        new("PUT", "/restapis/{restapi_id}/documentation/parts", "ImportDocumentationParts", "BadRequestException"),
        new("POST", "/rejectdomainnameaccessassociations", "RejectDomainNameAccessAssociation", "BadRequestException"),
        new("POST", "/restapis/{restapi_id}/authorizers/{authorizer_id}", "TestInvokeAuthorizer", "BadRequestException"),
        new("PATCH", "/clientcertificates/{clientcertificate_id}", "UpdateClientCertificate", "BadRequestException"),
        new("PATCH", "/restapis/{restapi_id}/documentation/parts/{part_id}", "UpdateDocumentationPart", "BadRequestException"),
        new("PATCH", "/restapis/{restapi_id}/documentation/versions/{doc_version}", "UpdateDocumentationVersion", "BadRequestException"),
    ];

    public static void Map(WireRouter router)
    {
        foreach (var operation in All)
        {
            var status = operation.ErrorType == "NotFoundException" ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
            var message = $"{operation.Name} is not supported by this gateway";
            router.Map(operation.Method, operation.UriTemplate, _ => Task.FromException(new ApiGatewayException(operation.ErrorType, status, message)));
        }
    }
}
