using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane;

/// <summary>
/// Every operation answers with the status code of botocore's apigatewayv2 model and only with
/// member names its output shape declares (checked on the raw JSON, before any SDK parsing).
/// </summary>
public sealed class ServiceModelConformanceTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>
{
    private const string Script = """
        import gzip, json, os, sys, urllib.parse, urllib.request, urllib.error, botocore
        base = sys.argv[1]
        model = json.load(gzip.open(os.path.join(os.path.dirname(botocore.__file__), "data/apigatewayv2/2018-11-29/service-2.json.gz")))
        shapes, operations = model["shapes"], model["operations"]
        def members(shape):
            return {m.get("locationName", name) for name, m in shapes[shape]["members"].items()}
        problems = []
        def call(op, path, body=None):
            http = operations[op]["http"]
            request = urllib.request.Request(base + path, method=http["method"],
                data=json.dumps(body).encode() if body is not None else None, headers={"Content-Type": "application/json"})
            try:
                with urllib.request.urlopen(request) as response:
                    status, text = response.status, response.read()
            except urllib.error.HTTPError as e:
                status, text = e.code, e.read()
            answer = json.loads(text) if text else {}
            if status != http["responseCode"]:
                problems.append(f"{op}: status {status}, model says {http['responseCode']}: {text[:200]}")
            output = operations[op].get("output", {}).get("shape")
            if output:
                unknown = set(answer) - members(output)
                if unknown:
                    problems.append(f"{op}: members not in {output}: {sorted(unknown)}")
                if "Items" in shapes[output]["members"]:
                    item = shapes[shapes[output]["members"]["Items"]["shape"]]["member"]["shape"]
                    for entry in answer.get("items", []):
                        if set(entry) - members(item):
                            problems.append(f"{op}: item members not in {item}: {sorted(set(entry) - members(item))}")
            return answer
        api = call("CreateApi", "/v2/apis", {"name": "model", "protocolType": "HTTP", "target": "http://127.0.0.1:9",
                                             "corsConfiguration": {"allowOrigins": ["*"], "maxAge": 5}})
        a = "/v2/apis/" + api["apiId"]
        call("GetApi", a); call("GetApis", "/v2/apis?maxResults=1")
        call("UpdateApi", a, {"description": "d"})
        integration = call("CreateIntegration", a + "/integrations", {"integrationType": "HTTP_PROXY", "integrationMethod": "GET",
                                                                      "integrationUri": "http://127.0.0.1:9/{proxy}", "payloadFormatVersion": "1.0"})
        i = a + "/integrations/" + integration["integrationId"]
        call("GetIntegration", i); call("GetIntegrations", a + "/integrations"); call("UpdateIntegration", i, {"timeoutInMillis": 1000})
        route = call("CreateRoute", a + "/routes", {"routeKey": "GET /m/{proxy+}", "target": "integrations/" + integration["integrationId"]})
        r = a + "/routes/" + route["routeId"]
        call("GetRoute", r); call("GetRoutes", a + "/routes"); call("UpdateRoute", r, {"apiKeyRequired": False})
        call("CreateStage", a + "/stages", {"stageName": "s1", "stageVariables": {"k": "v"}})
        s = a + "/stages/s1"
        call("GetStage", s); call("GetStages", a + "/stages"); call("UpdateStage", s, {"description": "x"})
        deployment = call("CreateDeployment", a + "/deployments", {"stageName": "s1"})
        d = a + "/deployments/" + deployment["deploymentId"]
        call("GetDeployment", d); call("GetDeployments", a + "/deployments"); call("UpdateDeployment", d, {"description": "y"})
        call("DeleteStage", s); call("DeleteDeployment", d); call("DeleteRoute", r); call("DeleteIntegration", i)
        authorizer = call("CreateAuthorizer", a + "/authorizers", {"name": "jwt", "authorizerType": "JWT",
                          "identitySource": ["$request.header.Authorization"], "jwtConfiguration": {"audience": ["x"], "issuer": "https://issuer.example"}})
        z = a + "/authorizers/" + authorizer["authorizerId"]
        call("GetAuthorizer", z); call("GetAuthorizers", a + "/authorizers"); call("UpdateAuthorizer", z, {"name": "jwt2"}); call("DeleteAuthorizer", z)
        t = "/v2/tags/" + urllib.parse.quote("arn:aws:apigateway:us-east-1::/apis/" + api["apiId"], safe="")
        call("TagResource", t, {"tags": {"k": "v"}}); call("GetTags", t); call("UntagResource", t + "?tagKeys=k")
        definition = json.dumps({"openapi": "3.0.1", "info": {"title": "imported", "version": "1"}, "paths": {"/x": {"get": {
            "x-amazon-apigateway-integration": {"type": "http_proxy", "httpMethod": "GET", "uri": "http://127.0.0.1:9", "payloadFormatVersion": "1.0"}}}}})
        imported = call("ImportApi", "/v2/apis", {"body": definition})
        call("ReimportApi", "/v2/apis/" + imported["apiId"], {"body": definition}); call("DeleteApi", "/v2/apis/" + imported["apiId"])
        call("DeleteCorsConfiguration", a + "/cors"); call("DeleteApi", a)
        print(json.dumps(problems))
        """;

    [Fact]
    public async Task EveryOperation_AnswersWithTheModelsStatusAndMemberNames()
    {
        var problems = await PythonScript.RunAsync(Script, fixture.Edge.AdminUrl);
        Assert.Empty(problems.EnumerateArray().Select(p => p.GetString()));
    }
}
