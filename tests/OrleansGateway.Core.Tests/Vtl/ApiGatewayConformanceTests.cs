using System.Text.Json.Nodes;
using OrleansGateway.Vtl;
using static OrleansGateway.Tests.Shared.AwsMappingExamples;

namespace OrleansGateway.Core.Tests.Vtl;

/// <summary>
/// The worked examples of AWS's API Gateway developer guide, each with the output AWS publishes. Where AWS
/// prints the output byte for byte (a console "Test" response body), the expected text is AWS's, whitespace
/// included; where AWS only sketches the output (an outline, or a Lambda's echo of the parsed payload), the
/// comment says so and the test checks what AWS does show.
/// </summary>
public sealed class ApiGatewayConformanceTests
{
    // Template and console Test output verbatim from "Tutorial: Modify the integration request and response for
    // integrations to AWS services", https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-data-transformations-in-api-gateway.html
    // (same example: https://docs.aws.amazon.com/apigateway/latest/developerguide/models-mappings.html). Matched as published.
    [Fact]
    public void PetStoreListIsReshapedWithForeachAndHasNextCommas()
    {
        Assert.Equal(PetStoreReshaped, Vtl.Render(PetStoreReshapeTemplate, PetStore));
    }

    // "flattenall" in the PetStore models walkthrough, Step 5 (console Test "Response Body"), in the archived developer
    // guide https://github.com/awsdocs/amazon-api-gateway-developer-guide/blob/main/doc_source/api-gateway-create-api-step-by-step.md
    // (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-create-api-step-by-step.html). The template's
    // line after #end holds eight spaces, and AWS's response keeps them after every comma: #end eats its own newline,
    // the next line's whitespace is text. Matched as published, trailing spaces included.
    [Fact]
    public void PetStoreFlattenAllKeepsTheWhitespaceOfTheLineAfterEnd()
    {
        const string spaces = "        ";
        var template = "#set($inputRoot = $input.path('$'))\n{\n  \"listings\" : [\n#foreach($elem in $inputRoot)\n"
            + "    \"Item number $elem.id is a $elem.type. The asking price is $elem.price.\"#if($foreach.hasNext),#end\n"
            + spaces + "\n#end\n  ]\n}";
        var expected = "{\n  \"listings\" : [\n"
            + "    \"Item number 1 is a dog. The asking price is 249.99.\"," + spaces + "\n"
            + "    \"Item number 2 is a cat. The asking price is 124.99.\"," + spaces + "\n"
            + "    \"Item number 3 is a fish. The asking price is 0.99.\"" + spaces + "\n"
            + "  ]\n}";
        Assert.Equal(expected, Vtl.Render(template, PetStore));
    }

    // "Example 2: Pass all request parameters to the integration endpoint via a JSON payload",
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-variable-examples.html (formerly
    // api-gateway-mapping-template-reference.html#input-examples-mapping-templates, which printed only an outline).
    // AWS shows the result as compact JSON ({"params":{"path":{"example2":"myparamm"},...}}), i.e. as the backend
    // parsed it, not the template's text: the whitespace below is Velocity 1.7's, and the text parses to AWS's JSON.
    [Fact]
    public void AllParamsLoopPassesEveryParameterWithVelocityWhitespace()
    {
        const string template = """
            #set($allParams = $input.params())
            {
              "params" : {
                #foreach($type in $allParams.keySet())
                #set($params = $allParams.get($type))
                "$type" : {
                  #foreach($paramName in $params.keySet())
                  "$paramName" : "$util.escapeJavaScript($params.get($paramName))"
                  #if($foreach.hasNext),#end
                  #end
                }
                #if($foreach.hasNext),#end
                #end
              }
            }
            """;
        var output = VtlTemplate.Compile(template).Render(new VtlRenderContext
        {
            PathParameters = new Dictionary<string, string> { ["example2"] = "myparamm" },
            QueryString = new Dictionary<string, string> { ["querystring1"] = "value1,value2" },
            Headers = new Dictionary<string, string> { ["header1"] = "value1" },
        });

        static string Iteration(string type, string name, string value, bool hasNext) =>
            $"    \"{type}\" : {{\n      " + $"      \"{name}\" : \"{value}\"\n            " + "    }\n    " + (hasNext ? "," : "") + "    ";

        var expected = "{\n  \"params\" : {\n    "
            + Iteration("path", "example2", "myparamm", true)
            + Iteration("querystring", "querystring1", "value1,value2", true)
            + Iteration("header", "header1", "value1", false)
            + "  }\n}";
        Assert.Equal(expected, output);
        const string aws = """{"params":{"path":{"example2":"myparamm"},"querystring":{"querystring1":"value1,value2"},"header":{"header1":"value1"}}}""";
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(aws), JsonNode.Parse(output)), output);
    }

    [Fact]
    public void AllParamsLoopEscapesValuesWithEscapeJavaScript()
    {
        var output = VtlTemplate.Compile("""#foreach($name in $input.params().header.keySet())"$name" : "$util.escapeJavaScript($input.params().header.get($name))"#end""")
            .Render(new VtlRenderContext { Headers = new Dictionary<string, string> { ["h"] = "x\"y" } });
        Assert.Equal("\"h\" : \"x\\\"y\"", output);
    }

    // $util.parseJson, https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#util-template-reference
    // (archived: doc_source/api-gateway-mapping-template-reference.md). Payload, template and output verbatim; matched.
    [Fact]
    public void ParseJsonReadsAStringifiedErrorMessage()
    {
        const string body = """{"errorMessage":"{\"key1\":\"var1\",\"key2\":{\"arr\":[1,2,3]}}"}""";
        const string template = """
            #set ($errorMessageObj = $util.parseJson($input.path('$.errorMessage')))
            {
               "errorMessageObjKey2ArrVal" : $errorMessageObj.key2.arr[0]
            }

            """;
        Assert.Equal("{\n   \"errorMessageObjKey2ArrVal\" : 1\n}\n", Vtl.Render(template, body));
    }

    // Examples 3 to 5 of https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-variable-examples.html:
    // query string name=Bella&type=dog and this body.
    private const string BellaBody = """
        {
            "Price" : "249.99",
            "Age": "6"
        }
        """;

    private static string RenderBella(string template) =>
        VtlTemplate.Compile(template).Render(new VtlRenderContext
        {
            Body = BellaBody,
            QueryString = new Dictionary<string, string> { ["name"] = "Bella", ["type"] = "dog" },
        });

    // Example 3, "Pass a subsection of a method request to the integration endpoint": output verbatim. Matched.
    [Fact]
    public void Example3NameFromParamsAndWholeBodyAsJson()
    {
        const string template = """
            {
                "name" : "$input.params('name')",
                "body" : $input.json('$')
            }
            """;
        const string aws = """
            {
                "name" : "Bella",
                "body" : {"Price":"249.99","Age":"6"}
            }
            """;
        Assert.Equal(aws, RenderBella(template));
    }

    // Example 3 with $util.escapeJavaScript($input.json('$')) in quotes. AWS prints "body": {"Price":"249.99","Age":"6"},
    // which that template cannot produce (its text has "body" : and the escaped quotes of a JSON string); the body is a
    // string holding the JSON, as the escaped Example 4 and Example 5 outputs on the same page show.
    [Fact]
    public void Example3WithEscapeJavaScriptGivesTheBodyAsAJsonString()
    {
        const string template = """
            {
                "name" : "$input.params('name')",
                "body" : "$util.escapeJavaScript($input.json('$'))"
            }
            """;
        var output = RenderBella(template);
        Assert.Equal("{\n    \"name\" : \"Bella\",\n    \"body\" : \"{\\\"Price\\\":\\\"249.99\\\",\\\"Age\\\":\\\"6\\\"}\"\n}", output);
        Assert.Equal("""{"Price":"249.99","Age":"6"}""", JsonNode.Parse(output)!["body"]!.GetValue<string>());
    }

    // Example 4, "Use JSONPath expression to pass a subsection of a method request": output verbatim. Matched.
    [Fact]
    public void Example4JsonPathSelectsTheAge()
    {
        const string template = """
            {
                "name" : "$input.params('name')",
                "body" : $input.json('$.Age')
            }
            """;
        const string aws = """
            {
                "name" : "Bella",
                "body" : "6"
            }
            """;
        Assert.Equal(aws, RenderBella(template));
    }

    // Example 4 with $util.escapeJavaScript($input.json('$.Age')): AWS prints "body": "\"6\"". The value is matched
    // exactly; AWS's "body": (no space before the colon) is not what the template's "body" : can give.
    [Fact]
    public void Example4WithEscapeJavaScriptQuotesTheJsonString()
    {
        const string template = """
            {
                "name" : "$input.params('name')",
                "body" : "$util.escapeJavaScript($input.json('$.Age'))"
            }
            """;
        Assert.Equal("{\n    \"name\" : \"Bella\",\n    \"body\" : \"\\\"6\\\"\"\n}", RenderBella(template));
    }

    // Example 5, "Use a JSONPath expression to pass information about a method request": path parameter 123 and the
    // things body. AWS prints the result compacted ({"id":"123","count":"3","things":{...}}), so the text is Velocity's and
    // it parses to AWS's JSON; the escaped variant gives AWS's "things":"{\"1\":{},\"2\":{},\"3\":{}}".
    // (The archived reference page showed the same template with an unquoted $util.escapeJavaScript, whose text is
    // {\"1\":{},...}, not JSON.)
    [Theory]
    [InlineData(
        "\"things\" : $input.json('$.things')",
        "{\n    \"id\" : \"123\",\n    \"count\" : \"3\",\n    \"things\" : {\"1\":{},\"2\":{},\"3\":{}}\n}",
        """{"id":"123","count":"3","things":{"1":{},"2":{},"3":{}}}""")]
    [InlineData(
        "\"things\" : \"$util.escapeJavaScript($input.json('$.things'))\"",
        "{\n    \"id\" : \"123\",\n    \"count\" : \"3\",\n    \"things\" : \"{\\\"1\\\":{},\\\"2\\\":{},\\\"3\\\":{}}\"\n}",
        """{"id":"123","count":"3","things":"{\"1\":{},\"2\":{},\"3\":{}}"}""")]
    public void Example5ParamsPathSizeAndJson(string thingsLine, string expected, string aws)
    {
        var template = "{\n    \"id\" : \"$input.params('id')\",\n    \"count\" : \"$input.path('$.things').size()\",\n    " + thingsLine + "\n}";
        var output = VtlTemplate.Compile(template).Render(new VtlRenderContext
        {
            Body = """{ "things": { "1": {}, "2": {}, "3": {} } }""",
            PathParameters = new Dictionary<string, string> { ["id"] = "123" },
        });
        Assert.Equal(expected, output);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(aws), JsonNode.Parse(output)), output);
    }

    // https://docs.aws.amazon.com/apigateway/latest/developerguide/models-mappings.html, "Integration response and method
    // response": the endpoint answers {"dogId" : "dog_1", "adoptionFee": 19.95,} (a trailing comma, which json-smart's
    // permissive parser accepts) and the template takes the fee. AWS prints {"adoptionFee": 19.95}, tidied: the template's
    // own text keeps its indentation and trailing comma, so the fee is what is compared.
    [Fact]
    public void AdoptionFeeIsReadFromAPermissiveJsonResponse()
    {
        const string template = """
            #set($inputRoot = $input.path('$'))
              {
                "adoptionFee" : $inputRoot.adoptionFee,
              }
            """;
        const string body = """
            {
                "dogId" : "dog_1",
                "adoptionFee": 19.95,
            }
            """;
        Assert.Equal("  {\n    \"adoptionFee\" : 19.95,\n  }", Vtl.Render(template, body));
    }

    // $input.path, api-gateway-mapping-template-reference.html#input-variable-reference: for the three pets,
    // "$input.path('$.pets').size() would return "3"" (older text: .count()). Matched.
    [Fact]
    public void PathOfThePetsListHasSizeThree() =>
        Assert.Equal("3", Vtl.Render("$input.path('$.pets').size()", "{\"pets\":" + PetStore + "}"));

    // "Example 1: Pass multiple $context variables to the integration endpoint",
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-variable-examples.html. AWS shows
    // the result as a Lambda echoes it ({ stage: 'prod', ... }), not the template's text, so this checks that the
    // rendered text parses to exactly AWS's values.
    [Fact]
    public void ContextVariablesExampleGivesAwsValues()
    {
        const string template = """
            {
                "stage" : "$context.stage",
                "request_id" : "$context.requestId",
                "api_id" : "$context.apiId",
                "resource_path" : "$context.resourcePath",
                "resource_id" : "$context.resourceId",
                "http_method" : "$context.httpMethod",
                "source_ip" : "$context.identity.sourceIp",
                "user-agent" : "$context.identity.userAgent",
                "account_id" : "$context.identity.accountId",
                "api_key" : "$context.identity.apiKey",
                "caller" : "$context.identity.caller",
                "user" : "$context.identity.user",
                "user_arn" : "$context.identity.userArn"
            }
            """;
        var context = new Dictionary<string, object?>
        {
            ["stage"] = "prod",
            ["requestId"] = "abcdefg-000-000-0000-abcdefg",
            ["apiId"] = "abcd1234",
            ["resourcePath"] = "/",
            ["resourceId"] = "efg567",
            ["httpMethod"] = "GET",
            ["identity"] = new Dictionary<string, object?>
            {
                ["sourceIp"] = "192.0.2.1",
                ["userAgent"] = "curl/7.84.0",
                ["accountId"] = "111122223333",
                ["apiKey"] = "MyTestKey",
                ["caller"] = "ABCD-0000-12345",
                ["user"] = "ABCD-0000-12345",
                ["userArn"] = "arn:aws:sts::111122223333:assumed-role/Admin/carlos-salazar",
            },
        };
        var rendered = JsonNode.Parse(Vtl.Render(template, context: context))!.AsObject();
        var aws = new Dictionary<string, string>
        {
            ["stage"] = "prod",
            ["request_id"] = "abcdefg-000-000-0000-abcdefg",
            ["api_id"] = "abcd1234",
            ["resource_path"] = "/",
            ["resource_id"] = "efg567",
            ["http_method"] = "GET",
            ["source_ip"] = "192.0.2.1",
            ["user-agent"] = "curl/7.84.0",
            ["account_id"] = "111122223333",
            ["api_key"] = "MyTestKey",
            ["caller"] = "ABCD-0000-12345",
            ["user"] = "ABCD-0000-12345",
            ["user_arn"] = "arn:aws:sts::111122223333:assumed-role/Admin/carlos-salazar",
        };
        Assert.Equal(aws, rendered.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()));
    }

    // A Cognito claim the authorizer did not return is an empty string, as AWS's own payload shows when nothing fills it:
    // the Serverless Framework's default request template ("principalId": "$context.authorizer.principalId",
    // "cognitoPoolClaims" : { "sub": "$context.authorizer.claims.sub" }) arrived in Lambda from execute-api as
    // "principalId":"" and "cognitoPoolClaims":{"sub":""} (https://github.com/dherault/serverless-offline/issues/92).
    [Fact]
    public void MissingAuthorizerClaimIsAnEmptyString()
    {
        const string template = """
            {
                "stage" : "$context.stage",
                "principalId" : "$context.authorizer.principalId",
                "claims_email" : "$context.authorizer.claims.email"
            }
            """;
        var context = new Dictionary<string, object?> { ["stage"] = "prod", ["authorizer"] = new Dictionary<string, object?>() };
        Assert.Equal(
            "{\n    \"stage\" : \"prod\",\n    \"principalId\" : \"\",\n    \"claims_email\" : \"\"\n}",
            Vtl.Render(template, context: context));
    }

    // "Tutorial: Override an API's response status code with the API Gateway console",
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-override-request-response-parameters.html
    // (archived doc_source/apigateway-override-request-response-parameters.md): the PetStore error body passes through
    // unchanged and the method completes with status 400. Matched.
    [Fact]
    public void ResponseOverrideStatusIsSetWhenTheBodyHasAnError()
    {
        const string template = """
            #set($inputRoot = $input.path('$'))
            $input.json("$")
            #if($inputRoot.toString().contains("error"))
            #set($context.responseOverride.status = 400)
            #end
            """;
        const string body = """{"errors":[{"key":"GetPetRequest.petId","message":"The value is out of range."}]}""";
        var context = new Dictionary<string, object?>();
        var output = Vtl.Render(template, body, context: context);
        Assert.Equal(body + "\n", output);
        var responseOverride = Assert.IsType<Dictionary<string, object?>>(context["responseOverride"]);
        Assert.Equal(400, responseOverride["status"]);
    }

    // "Tutorial: Override an API's request parameters and headers with the API Gateway console", same page. With
    // header1:header1Val and header2:header2Val the endpoint request headers log shows header3=header1Valheader2Val,
    // header1=foo and multivalueheader=foo,header1Valheader2Val. Matched.
    [Fact]
    public void RequestHeaderOverridesFromTheConsoleTutorial()
    {
        const string template = """
            #set($header1Override = "foo")
            #set($header3Value = "$input.params('header1')$input.params('header2')")
            $input.json("$")
            #set($context.requestOverride.header.header3 = $header3Value)
            #set($context.requestOverride.header.header1 = $header1Override)
            #set($context.requestOverride.header.multivalueheader=[$header1Override, $header3Value])
            """;
        var context = new Dictionary<string, object?>();
        VtlTemplate.Compile(template).Render(new VtlRenderContext
        {
            Body = "{}",
            Context = context,
            Headers = new Dictionary<string, string> { ["header1"] = "header1Val", ["header2"] = "header2Val" },
        });
        var header = (IDictionary<string, object?>)((IDictionary<string, object?>)context["requestOverride"]!)["header"]!;
        Assert.Equal("header1Valheader2Val", header["header3"]);
        Assert.Equal("foo", header["header1"]);
        Assert.Equal(["foo", "header1Valheader2Val"], Assert.IsAssignableFrom<IEnumerable<object?>>(header["multivalueheader"]));
    }

    [Fact]
    public void RequestAndResponseOverridesLandInTheContext()
    {
        const string template = """
            #set($context.requestOverride.header.header1 = "value1")
            #set($context.requestOverride.querystring.q = $input.params('myparam'))
            #set($context.requestOverride.path.petId = "12")
            #set($context.responseOverride.header.X-Custom = "custom")
            #set($context.responseOverride.status = 201)
            done
            """;
        var context = new Dictionary<string, object?>();
        var output = VtlTemplate.Compile(template).Render(new VtlRenderContext
        {
            Context = context,
            QueryString = new Dictionary<string, string> { ["myparam"] = "p" },
        });
        Assert.Equal("done", output);
        var request = (IDictionary<string, object?>)context["requestOverride"]!;
        Assert.Equal("value1", ((IDictionary<string, object?>)request["header"]!)["header1"]);
        Assert.Equal("p", ((IDictionary<string, object?>)request["querystring"]!)["q"]);
        Assert.Equal("12", ((IDictionary<string, object?>)request["path"]!)["petId"]);
        var response = (IDictionary<string, object?>)context["responseOverride"]!;
        Assert.Equal("custom", ((IDictionary<string, object?>)response["header"]!)["X-Custom"]);
        Assert.Equal(201, response["status"]);
    }

    [Fact]
    public void OverridesWriteIntoMapsTheCallerProvided()
    {
        var status = new Dictionary<string, object?> { ["status"] = 200 };
        var context = new Dictionary<string, object?> { ["responseOverride"] = status };
        Vtl.Render("#set($context.responseOverride.status = 500)", context: context);
        Assert.Equal(500, status["status"]);
    }

    // $stageVariables syntax table, api-gateway-mapping-template-reference.html#stagevariables-template-reference:
    // $stageVariables.<name>, $stageVariables['<name>'] and ${stageVariables['<name>']}.
    [Fact]
    public void StageVariablesAreReadByNameIndexAndGet()
    {
        var output = VtlTemplate.Compile("$stageVariables.url $stageVariables['url'] ${stageVariables['url']} $stageVariables.get('url') [$stageVariables.none]")
            .Render(new VtlRenderContext { StageVariables = new Dictionary<string, string> { ["url"] = "example.com" } });
        Assert.Equal("example.com example.com example.com example.com []", output);
    }

    [Fact]
    public void EscapeJavaScriptTurnsQuotesIntoEscapedQuotes()
    {
        const string body = """{"data": "He said \"it's\" / ok\n"}""";
        Assert.Equal("""{"data":"He said \"it\'s\" \/ ok\n"}""", Vtl.Render("""{"data":"$util.escapeJavaScript($input.path('$.data'))"}""", body));
    }

    // $util.escapeJavaScript, api-gateway-mapping-template-reference.html#util-template-reference: it "will turn any
    // regular single quotes (') into escaped ones (\')", which JSON does not allow, so AWS shows turning them back with
    // $util.escapeJavaScript(data).replaceAll("\\'","'"). The double quotes stay escaped.
    [Fact]
    public void EscapeJavaScriptThenReplaceAllRestoresSingleQuotesAsAwsShows()
    {
        const string template = """{"data":"$util.escapeJavaScript($input.path('$.data')).replaceAll("\\'","'")"}""";
        Assert.Equal("""{"data":"it's \"quoted\""}""", Vtl.Render(template, """{"data":"it's \"quoted\""}"""));
        Assert.Equal("""it\'s""", Vtl.Render("""$util.escapeJavaScript($input.path('$.data'))""", """{"data":"it's"}"""));
    }

    // Photos example, "Output mapping template" and "Transformed data",
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/example-photos.html (archived doc_source/example-photos.md).
    // AWS calls its transformed data "one example of how the original ... could be transformed" and prints it without the
    // template's tab-indented line after #end, which Velocity keeps, so this checks that the output is AWS's JSON.
    [Fact]
    public void PhotosOutputTemplateGivesAwsTransformedData()
    {
        const string original = """
            {
              "photos": {
                "page": 1,
                "pages": "1234",
                "perpage": 100,
                "total": "123398",
                "photo": [
                  { "id": "12345678901", "owner": "23456789@A12", "secret": "abc123d456", "server": "1234", "farm": 1,
                    "title": "Sample photo 1", "ispublic": 1, "isfriend": 0, "isfamily": 0 },
                  { "id": "23456789012", "owner": "34567890@B23", "secret": "bcd234e567", "server": "2345", "farm": 2,
                    "title": "Sample photo 2", "ispublic": 1, "isfriend": 0, "isfamily": 0 }
                ]
              }
            }
            """;
        var template = "#set($inputRoot = $input.path('$'))\n{\n  \"photos\": [\n#foreach($elem in $inputRoot.photos.photo)\n"
            + "    {\n      \"id\": \"$elem.id\",\n      \"owner\": \"$elem.owner\",\n      \"title\": \"$elem.title\",\n"
            + "      \"ispublic\": $elem.ispublic,\n      \"isfriend\": $elem.isfriend,\n      \"isfamily\": $elem.isfamily\n"
            + "    }#if($foreach.hasNext),#end\n\t\t\n#end\n  ]\n}";
        const string transformed = """
            {
              "photos": [
                {
                  "id": "12345678901",
                  "owner": "23456789@A12",
                  "title": "Sample photo 1",
                  "ispublic": 1,
                  "isfriend": 0,
                  "isfamily": 0
                },
                {
                  "id": "23456789012",
                  "owner": "34567890@B23",
                  "title": "Sample photo 2",
                  "ispublic": 1,
                  "isfriend": 0,
                  "isfamily": 0
                }
              ]
            }
            """;
        var output = Vtl.Render(template, original);
        Assert.Contains("    },\t\t\n    {", output);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(transformed), JsonNode.Parse(output)), output);
    }

    // News article example, "Output mapping template" and "Transformed data",
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/example-news-article.html (archived in
    // awsdocs/amazon-api-gateway-developer-guide). With one item #if writes nothing, #end eats its newline and the
    // blank line closes the item, so the output is AWS's transformed data byte for byte. Matched.
    [Fact]
    public void NewsArticleOutputTemplateGivesAwsTransformedData()
    {
        Assert.Equal(NewsArticleTransformed, Vtl.Render(NewsArticleTemplate, NewsArticle));
    }

    [Fact]
    public void WebSocketStyleTemplateSelectsFromTheBody()
    {
        const string template = """
            #set($body = $input.path('$'))
            {"action":"$body.action","to":"$body.to","msg":$input.json('$.message')}
            """;
        Assert.Equal(
            """{"action":"send","to":"b","msg":{"text":"hi","n":[1,2]}}""",
            Vtl.Render(template, """{"action":"send","to":"b","message":{"text":"hi","n":[1,2]}}"""));
    }

    [Fact]
    public void CompiledTemplateRendersManyTimesWithDifferentInputs()
    {
        var template = VtlTemplate.Compile("#set($r = $input.path('$'))$r.n:$input.params('q')");
        for (var i = 0; i < 50; i++)
        {
            var output = template.Render(new VtlRenderContext
            {
                Body = $"{{\"n\":{i}}}",
                QueryString = new Dictionary<string, string> { ["q"] = $"q{i}" },
            });
            Assert.Equal($"{i}:q{i}", output);
        }
    }
}
