using OrleansGateway.Vtl;

namespace OrleansGateway.Core.Tests.Vtl;

/// <summary>
/// The worked examples of AWS's "Mapping template transformations" and "Variables for data transformations"
/// pages, each rendered byte for byte (Velocity 1.7's whitespace rules included).
/// </summary>
public sealed class ApiGatewayConformanceTests
{
    private const string PetStore = """
        [
          { "id": 1, "type": "dog", "price": 249.99 },
          { "id": 2, "type": "cat", "price": 124.99 },
          { "id": 3, "type": "fish", "price": 0.99 }
        ]
        """;

    [Fact]
    public void PetStoreListIsReshapedWithForeachAndHasNextCommas()
    {
        const string template = """
            #set($inputRoot = $input.path('$'))
            [
            #foreach($elem in $inputRoot)
              {
                "description" : "Item $elem.id is a $elem.type.",
                "askingPrice" : $elem.price
              }#if($foreach.hasNext),#end

            #end
            ]
            """;
        const string expected = """
            [
              {
                "description" : "Item 1 is a dog.",
                "askingPrice" : 249.99
              },
              {
                "description" : "Item 2 is a cat.",
                "askingPrice" : 124.99
              },
              {
                "description" : "Item 3 is a fish.",
                "askingPrice" : 0.99
              }
            ]
            """;
        Assert.Equal(expected, Vtl.Render(template, PetStore));
    }

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
            PathParameters = new Dictionary<string, string> { ["petId"] = "7" },
            QueryString = new Dictionary<string, string> { ["type"] = "dog" },
            Headers = new Dictionary<string, string> { ["h"] = "x\"y" },
        });

        static string Iteration(string type, string name, string value, bool hasNext) =>
            $"    \"{type}\" : {{\n      " + $"      \"{name}\" : \"{value}\"\n            " + "    }\n    " + (hasNext ? "," : "") + "    ";

        var expected = "{\n  \"params\" : {\n    "
            + Iteration("path", "petId", "7", true)
            + Iteration("querystring", "type", "dog", true)
            + Iteration("header", "h", "x\\\"y", false)
            + "  }\n}";
        Assert.Equal(expected, output);
    }

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
        Assert.Equal("{\n   \"errorMessageObjKey2ArrVal\" : 1\n}", Vtl.Render(template, body));
    }

    [Fact]
    public void NameFromParamsAndWholeBodyAsJson()
    {
        const string template = """
            {
                "name" : "$input.params('name')",
                "body" : $input.json('$')
            }
            """;
        var output = VtlTemplate.Compile(template).Render(new VtlRenderContext
        {
            Body = """{ "a" : 1, "b": [true, null, "x/y"], "c": 1.50 }""",
            QueryString = new Dictionary<string, string> { ["name"] = "me" },
        });
        Assert.Equal("{\n    \"name\" : \"me\",\n    \"body\" : {\"a\":1,\"b\":[true,null,\"x/y\"],\"c\":1.5}\n}", output);
    }

    [Fact]
    public void ContextVariablesAreMappedIntoThePayload()
    {
        const string template = """
            {
                "stage" : "$context.stage",
                "request_id" : "$context.requestId",
                "source_ip" : "$context.identity.sourceIp",
                "claims_email" : "$context.authorizer.claims.email"
            }
            """;
        var context = new Dictionary<string, object?>
        {
            ["stage"] = "prod",
            ["requestId"] = "abcdefg-000-000-0000-abcdefg",
            ["identity"] = new Dictionary<string, object?> { ["sourceIp"] = "192.0.2.1" },
            ["authorizer"] = new Dictionary<string, object?>(),
        };
        var output = Vtl.Render(template, context: context);
        Assert.Equal(
            "{\n    \"stage\" : \"prod\",\n    \"request_id\" : \"abcdefg-000-000-0000-abcdefg\",\n    \"source_ip\" : \"192.0.2.1\",\n    \"claims_email\" : \"\"\n}",
            output);
    }

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
        var context = new Dictionary<string, object?>();
        var output = Vtl.Render(template, """{"name": "error"}""", context: context);
        Assert.Equal("{\"name\":\"error\"}\n", output);
        var responseOverride = Assert.IsType<Dictionary<string, object?>>(context["responseOverride"]);
        Assert.Equal(400, responseOverride["status"]);
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

    [Fact]
    public void StageVariablesAreReadByNameIndexAndGet()
    {
        var output = VtlTemplate.Compile("$stageVariables.url $stageVariables['url'] $stageVariables.get('url') [$stageVariables.none]")
            .Render(new VtlRenderContext { StageVariables = new Dictionary<string, string> { ["url"] = "example.com" } });
        Assert.Equal("example.com example.com example.com []", output);
    }

    [Fact]
    public void EscapeJavaScriptTurnsQuotesIntoEscapedQuotes()
    {
        const string body = """{"data": "He said \"it's\" / ok\n"}""";
        Assert.Equal("""{"data":"He said \"it\'s\" \/ ok\n"}""", Vtl.Render("""{"data":"$util.escapeJavaScript($input.path('$.data'))"}""", body));
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
