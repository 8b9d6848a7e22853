using OrleansGateway.Vtl;

namespace OrleansGateway.Core.Tests.Vtl;

public sealed class InputVariableTests
{
    private const string Body = """
        {"pets":[{"name":"rex","price":5,"tags":["a"]},{"name":"tom","price":15.5}],"owner":{"name":"ann","age":30},"empty":null}
        """;

    [Theory]
    [InlineData("$input.path('$.owner.name')", "ann")]
    [InlineData("$input.path('$.owner')", "{name=ann, age=30}")]
    [InlineData("$input.path('$.pets')", """[{"name":"rex","price":5,"tags":["a"]},{"name":"tom","price":15.5}]""")]
    [InlineData("$input.path('$.pets[0].name')", "rex")]
    [InlineData("$input.path('$.pets[*].name')", """["rex","tom"]""")]
    [InlineData("$input.path('$..name')", """["rex","tom","ann"]""")]
    [InlineData("$input.path('$.pets[?(@.price < 10)].name')", """["rex"]""")]
    [InlineData("$input.path('$.pets[-1].price')", "15.5")]
    [InlineData("$input.path('$.pets').size()", "2")]
    [InlineData("$input.path('$.pets.length()')", "2")]
    [InlineData("$input.path('owner.age')", "30")]
    [InlineData("#set($a = $input.path('$.owner.age') + 1)$a", "31")]
    [InlineData("[$input.path('$.missing')]", "[]")]
    [InlineData("[$input.path('$.empty')]", "[]")]
    [InlineData("$input.path('$.pets[?(@.name == \"zed\")]')", "[]")]
    public void PathReturnsJavaObjects(string template, string expected) => Assert.Equal(expected, Vtl.Render(template, Body));

    // A JSON object from $input.path is a LinkedHashMap ({a=1}) but a JSON array is json-smart's JSONArray, whose
    // toString() is JSON in json-smart's default style ("/" written "\/"), inside a map too. Jayway's
    // JsonSmartJsonProvider reads with JSONValue.defaultReader.DEFAULT_ORDERED, whose createObject() is a LinkedHashMap
    // and createArray() a JSONArray (json-path and json-smart sources); LocalStack PR #12379 (localstack/localstack,
    // "Fix apigw input path formatting") reports the same from AWS: $input.path('$') of {"a": 1, "b": [{"c": 5}]}
    // renders {a=1, b=[{"c":5}]}, and $input.path('$').b renders [{"c":5}].
    [Theory]
    [InlineData("$input.path('$')", """{a=1, b=[{"c":5}], u=["a\/b",{"k":"c\/d"}]}""")]
    [InlineData("$input.path('$').b", """[{"c":5}]""")]
    [InlineData("$input.path('$.b')", """[{"c":5}]""")]
    [InlineData("$input.path('$.b[0]')", "{c=5}")]
    [InlineData("$input.path('$.u')", """["a\/b",{"k":"c\/d"}]""")]
    [InlineData("$input.path('$').b.toString()", """[{"c":5}]""")]
    [InlineData("[$input.path('$.b')]", """[[{"c":5}]]""")]
    [InlineData("#set($l = [1, 2])$l $l.add($input.path('$.b'))$l", """[1, 2] true[1, 2, [{"c":5}]]""")]
    [InlineData("$input.json('$.u')", """["a/b",{"k":"c/d"}]""")]
    public void ArraysFromJsonPrintAsJsonAndObjectsAsJavaMaps(string template, string expected) =>
        Assert.Equal(expected, Vtl.Render(template, """{"a": 1, "b": [{"c": 5}], "u": ["a/b", {"k": "c/d"}]}"""));

    [Theory]
    [InlineData("$input.json('$.owner')", """{"name":"ann","age":30}""")]
    [InlineData("$input.json('$.owner.name')", "\"ann\"")]
    [InlineData("$input.json('$.pets[0].price')", "5")]
    [InlineData("$input.json('$.pets[*].price')", "[5,15.5]")]
    [InlineData("$input.json('$.missing')", "\"\"")]
    [InlineData("$input.json('$.empty')", "null")]
    [InlineData("$input.json('$.pets[?(@.price > 10)]')", """[{"name":"tom","price":15.5}]""")]
    public void JsonReturnsJsonText(string template, string expected) => Assert.Equal(expected, Vtl.Render(template, Body));

    [Fact]
    public void BodyIsTheRawPayload() => Assert.Equal("raw text & more", Vtl.Render("$input.body", "raw text & more"));

    // LocalStack PR #12413 (AWS-validated): "API Gateway will replace an empty body with {} when using $input.body".
    [Fact]
    public void EmptyBodyIsAnEmptyObject() => Assert.Equal("{}", Vtl.Render("$input.body", ""));

    // The Serverless Framework's default template writes "body": $input.json("$"); a GET without a body to
    // https://42nd88mpwc.execute-api.us-east-1.amazonaws.com/dev/greet/foobar reached Lambda as
    // {"body":{},"method":"GET","principalId":"",...} (https://github.com/dherault/serverless-offline/issues/92).
    // $input.path of an empty payload stays null, which LocalStack PR #12774 reports from the AWS console.
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void JsonOfAnEmptyBodyIsAnEmptyObject(string? body)
    {
        var output = VtlTemplate.Compile("""{"body": $input.json("$"), "a": $input.json('$.a'), "path": "$input.path('$')"}""")
            .Render(new VtlRenderContext { Body = body });
        Assert.Equal("""{"body": {}, "a": "", "path": ""}""", output);
    }

    [Fact]
    public void InvalidJsonFailsOnlyWhenTheTemplateParsesIt()
    {
        Assert.Equal("not json", Vtl.Render("$input.body", "not json"));
        var error = Assert.Throws<VtlRenderException>(() => Vtl.Render("$input.path('$.a')", "not json"));
        Assert.Contains("Invalid JSON", error.Message);
    }

    [Fact]
    public void InvalidJsonPathFailsTheRender()
    {
        var error = Assert.Throws<VtlRenderException>(() => Vtl.Render("$input.path('$.a[')", "{}"));
        Assert.Contains("JSONPath", error.Message);
    }

    [Fact]
    public void ParamsSearchesPathThenQueryStringThenHeaders()
    {
        var template = VtlTemplate.Compile("$input.params('id')|$input.params('q')|$input.params('x-h')|$input.params('X-H')|[$input.params('none')]");
        var output = template.Render(new VtlRenderContext
        {
            PathParameters = new Dictionary<string, string> { ["id"] = "from-path" },
            QueryString = new Dictionary<string, string> { ["id"] = "from-query", ["q"] = "query" },
            Headers = new Dictionary<string, string> { ["id"] = "from-header", ["X-H"] = "header" },
        });
        Assert.Equal("from-path|query|header|header|[]", output);
    }

    [Fact]
    public void ParamsWithoutArgumentsIsAMapOfTheThreeKinds()
    {
        var output = VtlTemplate.Compile("$input.params() $input.params().header.get('H') $input.params().querystring.keySet()").Render(new VtlRenderContext
        {
            QueryString = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" },
            Headers = new Dictionary<string, string> { ["H"] = "v" },
        });
        Assert.Equal("{path={}, querystring={a=1, b=2}, header={H=v}} v [a, b]", output);
    }

    [Fact]
    public void ChangingOneParsedObjectLeavesItsSiblingsAlone() =>
        Assert.Equal(
            """[{"a":1,"b":9},{"a":2},{},{"a":5}] {a=5}""",
            Vtl.Render("#set($l = $input.path('$'))#set($d = $l[0].put('b', 9))#set($d = $l[2].remove('a'))$l $input.path('$[3]')", """[{"a":1},{"a":2},{"a":3},{"a":5}]"""));

    [Fact]
    public void RepeatedJsonKeysKeepTheLastValue() =>
        Assert.Equal("{a=2, b=3}", Vtl.Render("$input.path('$')", """{"a":1,"b":3,"a":2}"""));

    [Fact]
    public void LargeObjectsAreLookedUpByKey()
    {
        var body = "{" + string.Join(",", Enumerable.Range(0, 50).Select(i => $"\"k{i}\":{i}")) + "}";
        Assert.Equal("49 0 50", Vtl.Render("#set($o = $input.path('$'))$o.k49 $o.k0 $o.size()", body));
    }

    [Fact]
    public void ValuesKeepTheirJavaTypesWhenStringsRepeatAndArraysNest()
    {
        // Repeated short strings are shared by the parser, escaped and non-ASCII ones are not; numbers with a
        // fraction or exponent are Doubles, larger integers Longs; arrays nest inside objects inside arrays.
        const string body = """[{"t":"cat","n":1},{"t":"cat","n":2.5},{"t":"c\u0061t","n":1e2},{"t":"dog","n":4000000000},{"t":"","n":-0.0},{"t":"caté","n":[[1],[2,3]]}]""";
        Assert.Equal(
            "cat 1 true|cat 2.5 true|cat 100.0 true|dog 4000000000 false| -0.0 false|caté [[1],[2,3]] false|",
            Vtl.Render("#foreach($e in $input.path('$'))$e.t $e.n $e.t.equals('cat')|#end", body));
    }

    [Theory]
    [InlineData("""{"a":[1,-0,2147483647,2147483648,-2147483649,1.5e3,0.001,1E20,12345678901234567890,-1.25]}""")]
    [InlineData("""[0.1,0.7,2.675,-0.0,0.0,1.0000000000000002,123456.789012345,9007199254740993.5,0.000123,99.99,-1234567.125]""")]
    [InlineData(""" { "a" : [ true , false , null , "x" , "" , {} , [] ] } """)]
    [InlineData("""[{"id":1,"type":"cat"},{"id":2,"type":"cat","extra":{"k":"v"}},{"type":"dog","id":3}]""")]
    [InlineData("""{"k":1,"k":2,"long key with spaces and more than thirty-two characters":"caté ☃"}""")]
    [InlineData("\"just a string\"")]
    [InlineData("42")]
    public void PlainAndCommentedJsonParseAlike(string body)
    {
        // A comment sends the body to the full reader; plain JSON takes the fast path. Both must agree.
        const string template = "$input.path('$')|$input.json('$')";
        var commented = "/* c */" + body;
        Assert.Equal(Vtl.Render(template, commented), Vtl.Render(template, body));
    }

    [Theory]
    [InlineData("""{"a":[1,2,],}""", "[1,2]")]
    [InlineData("""{"a":["q\"t\u00e9"]}""", """["q\"té"]""")]
    [InlineData("""{"a":[-1.5E-3, 1e-5]}""", "[-0.0015,1.0E-5]")]
    [InlineData("""{"a":1""", null)]
    [InlineData("""{"a":[1 2]}""", null)]
    [InlineData("""{"a":01}""", null)]
    [InlineData("{\"a\":\"\u0001\"}", null)]
    public void JsonOutsideThePlainSubsetIsReadByTheFullParser(string body, string? expected)
    {
        if (expected is null)
        {
            Assert.ThrowsAny<VtlRenderException>(() => Vtl.Render("$input.path('$.a')", body));
        }
        else
        {
            Assert.Equal(expected, Vtl.Render("$input.path('$.a')", body));
        }
    }

    [Fact]
    public void DeepJsonIsParsed()
    {
        var body = new string('[', 100) + "1" + new string(']', 100);
        Assert.Equal(new string('[', 99) + "1" + new string(']', 99), Vtl.Render("$input.path('$[0]')", body));
    }
}
