using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane.RestApis;

/// <summary>
/// Every apigateway (v1) operation of the control plane answers with the status code of botocore's
/// model and only with members (at every depth) and JSON types its output shape declares, checked on
/// the raw JSON before any SDK parsing: epoch-second numbers for timestamps, <c>item</c> lists.
/// </summary>
public sealed class RestServiceModelConformanceTests(EmbeddedEdgeFixture fixture) : IClassFixture<EmbeddedEdgeFixture>
{
    private const string Script = """
        import gzip, json, os, sys, urllib.parse, urllib.request, urllib.error, botocore
        base = sys.argv[1]
        model = json.load(gzip.open(os.path.join(os.path.dirname(botocore.__file__), "data/apigateway/2015-07-09/service-2.json.gz")))
        shapes, operations = model["shapes"], model["operations"]
        problems = []
        kinds = {"string": str, "boolean": bool, "integer": int, "long": int, "double": (int, float), "timestamp": (int, float)}
        def check(op, value, shape_name, where):
            shape = shapes[shape_name]
            t = shape["type"]
            if t == "structure":
                if not isinstance(value, dict):
                    problems.append(f"{op}: {where} is not an object"); return
                members = {m.get("locationName", n): m["shape"] for n, m in shape["members"].items()}
                for key, item in value.items():
                    if key not in members:
                        problems.append(f"{op}: {where}.{key} is not a member of {shape_name}")
                    else:
                        check(op, item, members[key], where + "." + key)
            elif t == "list":
                if not isinstance(value, list):
                    problems.append(f"{op}: {where} is not a list"); return
                for i, item in enumerate(value):
                    check(op, item, shape["member"]["shape"], f"{where}[{i}]")
            elif t == "map":
                if not isinstance(value, dict):
                    problems.append(f"{op}: {where} is not a map"); return
                for key, item in value.items():
                    check(op, item, shape["value"]["shape"], f"{where}[{key}]")
            elif t in kinds and (not isinstance(value, kinds[t]) or (t != "boolean" and isinstance(value, bool))):
                problems.append(f"{op}: {where} is {type(value).__name__}, model says {t}")
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
            if status != http.get("responseCode", 200):
                problems.append(f"{op}: status {status}, model says {http.get('responseCode', 200)}: {text[:300]}")
            output = operations[op].get("output", {}).get("shape")
            if output and status < 300:
                check(op, answer, output, "$")
            return answer
        def patch(*ops):
            return {"patchOperations": [dict(zip(("op", "path", "value"), o)) for o in ops]}
        api = call("CreateRestApi", "/restapis", {"name": "model", "description": "d", "binaryMediaTypes": ["image/png"],
                                                  "minimumCompressionSize": 1024, "tags": {"k": "v"}})
        a = "/restapis/" + api["id"]
        call("GetRestApi", a); call("GetRestApis", "/restapis?limit=2")
        call("UpdateRestApi", a, patch(("replace", "/description", "e")))
        resource = call("CreateResource", a + "/resources/" + api["rootResourceId"], {"pathPart": "pets"})
        r = a + "/resources/" + resource["id"]
        call("GetResource", r); call("GetResources", a + "/resources?embed=methods")
        model_ = call("CreateModel", a + "/models", {"name": "Pet", "contentType": "application/json",
                      "schema": json.dumps({"type": "object", "properties": {"name": {"type": "string"}}})})
        call("GetModel", a + "/models/Pet"); call("GetModels", a + "/models"); call("GetModelTemplate", a + "/models/Pet/default_template")
        call("UpdateModel", a + "/models/Pet", patch(("replace", "/description", "pet")))
        validator = call("CreateRequestValidator", a + "/requestvalidators", {"name": "all", "validateRequestBody": True})
        v = a + "/requestvalidators/" + validator["id"]
        call("GetRequestValidator", v); call("GetRequestValidators", a + "/requestvalidators")
        call("UpdateRequestValidator", v, patch(("replace", "/validateRequestParameters", "true")))
        authorizer = call("CreateAuthorizer", a + "/authorizers", {"name": "token", "type": "TOKEN", "identitySource": "method.request.header.Authorization",
                          "authorizerUri": "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations"})
        z = a + "/authorizers/" + authorizer["id"]
        call("GetAuthorizer", z); call("GetAuthorizers", a + "/authorizers"); call("UpdateAuthorizer", z, patch(("replace", "/authorizerResultTtlInSeconds", "60")))
        m = r + "/methods/GET"
        call("PutMethod", m, {"authorizationType": "NONE", "requestParameters": {"method.request.querystring.q": False},
                              "requestModels": {"application/json": "Pet"}, "requestValidatorId": validator["id"]})
        call("GetMethod", m); call("UpdateMethod", m, patch(("replace", "/apiKeyRequired", "true")))
        call("PutMethodResponse", m + "/responses/200", {"responseModels": {"application/json": "Empty"}})
        call("GetMethodResponse", m + "/responses/200")
        call("UpdateMethodResponse", m + "/responses/200", patch(("add", "/responseParameters/method.response.header.X-A", "false")))
        call("PutIntegration", m + "/integration", {"type": "HTTP", "httpMethod": "GET", "uri": "http://127.0.0.1:9/pets",
                                                    "requestTemplates": {"application/json": "{}"}})
        call("GetIntegration", m + "/integration"); call("UpdateIntegration", m + "/integration", patch(("replace", "/timeoutInMillis", "1000")))
        call("PutIntegrationResponse", m + "/integration/responses/200", {"selectionPattern": "", "responseTemplates": {"application/json": "$input.body"}})
        call("GetIntegrationResponse", m + "/integration/responses/200")
        call("UpdateIntegrationResponse", m + "/integration/responses/200", patch(("replace", "/contentHandling", "CONVERT_TO_TEXT")))
        g = a + "/gatewayresponses/MISSING_AUTHENTICATION_TOKEN"
        call("GetGatewayResponses", a + "/gatewayresponses"); call("GetGatewayResponse", g)
        call("PutGatewayResponse", g, {"statusCode": "404", "responseTemplates": {"application/json": "{\"m\":1}"}})
        call("UpdateGatewayResponse", g, patch(("replace", "/statusCode", "410")))
        deployment = call("CreateDeployment", a + "/deployments", {"stageName": "prod", "description": "first", "variables": {"x": "1"}})
        d = a + "/deployments/" + deployment["id"]
        call("GetDeployment", d + "?embed=apisummary"); call("GetDeployments", a + "/deployments")
        call("UpdateDeployment", d, patch(("replace", "/description", "again")))
        second = call("CreateDeployment", a + "/deployments", {"description": "second"})
        call("CreateStage", a + "/stages", {"stageName": "dev", "deploymentId": second["id"], "variables": {"a": "b"}})
        s = a + "/stages/dev"
        call("GetStage", s); call("GetStages", a + "/stages?deploymentId=" + second["id"])
        call("UpdateStage", s, patch(("replace", "/*/*/throttling/rateLimit", "10"), ("replace", "/~1pets/GET/caching/enabled", "true"),
                                     ("replace", "/canarySettings/percentTraffic", "5"), ("replace", "/tracingEnabled", "true")))
        call("FlushStageCache", s + "/cache/data"); call("FlushStageAuthorizersCache", s + "/cache/authorizers")
        call("CreateDomainName", "/domainnames", {"domainName": "model.example.test", "tags": {"k": "v"},
                                                  "certificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/abc"})
        n = "/domainnames/model.example.test"
        call("GetDomainName", n); call("GetDomainNames", "/domainnames?limit=2")
        call("UpdateDomainName", n, patch(("replace", "/securityPolicy", "TLS_1_0")))
        call("CreateBasePathMapping", n + "/basepathmappings", {"basePath": "v1", "restApiId": api["id"], "stage": "prod"})
        call("GetBasePathMapping", n + "/basepathmappings/v1"); call("GetBasePathMappings", n + "/basepathmappings")
        call("UpdateBasePathMapping", n + "/basepathmappings/v1", patch(("replace", "/basePath", "v2")))
        call("DeleteBasePathMapping", n + "/basepathmappings/v2"); call("DeleteDomainName", n)
        link = call("CreateVpcLink", "/vpclinks", {"name": "nlb", "targetArns": ["arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/x/1"]})
        l = "/vpclinks/" + link["id"]
        call("GetVpcLink", l); call("GetVpcLinks", "/vpclinks"); call("UpdateVpcLink", l, patch(("replace", "/name", "renamed")))
        call("DeleteVpcLink", l)
        t = "/tags/" + urllib.parse.quote("arn:aws:apigateway:us-east-1::/restapis/" + api["id"] + "/stages/dev", safe="")
        call("TagResource", t, {"tags": {"k": "v"}}); call("GetTags", t); call("UntagResource", t + "?tagKeys=k")
        call("DeleteStage", s); call("DeleteDeployment", "/restapis/" + api["id"] + "/deployments/" + second["id"])
        call("DeleteGatewayResponse", g)
        call("DeleteIntegrationResponse", m + "/integration/responses/200"); call("DeleteIntegration", m + "/integration")
        call("DeleteMethodResponse", m + "/responses/200"); call("DeleteMethod", m)
        call("DeleteAuthorizer", z); call("DeleteRequestValidator", v); call("DeleteModel", a + "/models/Pet")
        call("DeleteResource", r); call("DeleteRestApi", a)
        print(json.dumps(problems))
        """;

    [Fact]
    public async Task EveryOperation_AnswersWithTheModelsStatusMembersAndTypes()
    {
        var problems = await PythonScript.RunAsync(Script, fixture.Edge.AdminUrl);
        Assert.Empty(problems.EnumerateArray().Select(p => p.GetString()));
    }
}
