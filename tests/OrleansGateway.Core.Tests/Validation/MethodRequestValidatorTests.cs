using OrleansGateway.Mapping.GatewayResponses;
using OrleansGateway.Mapping.Parameters;
using OrleansGateway.Validation;

namespace OrleansGateway.Core.Tests.Validation;

public sealed class MethodRequestValidatorTests
{
    // The model of AWS's request validation walkthrough (PetStore "Validate body").
    private const string PetModel = """
        {
          "$schema" : "http://json-schema.org/draft-04/schema#",
          "title" : "Validate body",
          "type" : "object",
          "required" : [ "name", "price", "type" ],
          "properties" : {
            "id" : { "type" : "integer" },
            "name" : { "type" : "string" },
            "type" : { "type" : "string", "enum" : [ "dog", "cat", "fish" ] },
            "price" : { "type" : "number", "minimum" : 25.0, "maximum" : 500.0 }
          }
        }
        """;

    private static readonly RequestValidatorSettings Both = new(true, true);

    private static MethodRequestValidator Validator(params (string Name, string Schema)[] models) =>
        new(new ApiModelSchemas("a1b2c3", models.ToDictionary(m => m.Name, m => m.Schema)));

    private static MethodRequestRules BodyRules(string model = "PetModel") =>
        new() { RequestModels = new Dictionary<string, string> { ["application/json"] = model } };

    private static MethodRequestData Json(string body) => new()
    {
        Body = body,
        Headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Type"] = ["application/json"],
        },
    };

    private static RequestValidationFailure? ValidateBody(string schema, string body) =>
        Validator(("M", schema)).Validate(Both, BodyRules("M"), Json(body));

    [Fact]
    public void ValidBody_Passes()
    {
        var failure = Validator(("PetModel", PetModel)).Validate(
            Both, BodyRules(), Json("""{"name":"Spot","type":"dog","price":249.99}"""));

        Assert.Null(failure);
    }

    [Fact]
    public void MissingRequiredProperty_IsBadRequestBody_WithAwsValidationErrorString()
    {
        var failure = Validator(("PetModel", PetModel)).Validate(
            Both, BodyRules(), Json("""{"type":"dog","price":249.99}"""));

        Assert.NotNull(failure);
        Assert.Same(GatewayResponseType.BadRequestBody, failure.ResponseType);
        Assert.Equal("Invalid request body", failure.Message);
        Assert.Equal("""[object has missing required properties ([\"name\"])]""", failure.ValidationErrorString);
    }

    [Fact]
    public void MissingProperties_AreListedSorted_AndChildrenAreNotCheckedWhenTheObjectFails()
    {
        var failure = Validator(("PetModel", PetModel)).Validate(Both, BodyRules(), Json("""{"type":"bird"}"""));

        Assert.Equal("""[object has missing required properties ([\"name\",\"price\"])]""", failure?.ValidationErrorString);
    }

    [Fact]
    public void EnumMismatch_UsesTheDraft4ValidatorMessage()
    {
        var failure = Validator(("PetModel", PetModel)).Validate(
            Both, BodyRules(), Json("""{"name":"Spot","type":"bird","price":249.99}"""));

        Assert.Equal(
            """[instance value (\"bird\") not found in enum (possible values: [\"dog\",\"cat\",\"fish\"])]""",
            failure?.ValidationErrorString);
    }

    [Fact]
    public void SeveralPropertyErrors_AreJoinedInPropertyOrder()
    {
        var failure = Validator(("PetModel", PetModel)).Validate(
            Both, BodyRules(), Json("""{"name":7,"type":"dog","price":501}"""));

        Assert.Equal(
            """[instance type (integer) does not match any allowed primitive type (allowed: [\"string\"]), numeric instance is greater than the required maximum (maximum: 500.0, found: 501)]""",
            failure?.ValidationErrorString);
    }

    [Fact]
    public void BelowMinimum_ReportsMinimumAndFoundValue()
    {
        var failure = Validator(("PetModel", PetModel)).Validate(
            Both, BodyRules(), Json("""{"name":"Spot","type":"dog","price":10}"""));

        Assert.Equal(
            "[numeric instance is lower than the required minimum (minimum: 25.0, found: 10)]",
            failure?.ValidationErrorString);
    }

    [Theory]
    [InlineData(11, "[numeric instance is not strictly lower than the required maximum 10]")]
    [InlineData(10, "[numeric instance is not strictly lower than the required maximum 10]")]
    [InlineData(9, null)]
    public void Draft4BooleanExclusiveMaximum_IsHonoured(int value, string? expected)
    {
        const string schema = """{"$schema":"http://json-schema.org/draft-04/schema#","type":"object","properties":{"n":{"type":"integer","maximum":10,"exclusiveMaximum":true}}}""";

        var failure = ValidateBody(schema, $$"""{"n":{{value}}}""");

        Assert.Equal(expected, failure?.ValidationErrorString);
    }

    [Theory]
    [InlineData(0, "[numeric instance is not strictly greater than the required minimum 0]")]
    [InlineData(1, null)]
    public void Draft4BooleanExclusiveMinimum_IsHonoured(int value, string? expected)
    {
        const string schema = """{"type":"object","properties":{"n":{"type":"integer","minimum":0,"exclusiveMinimum":true}}}""";

        Assert.Equal(expected, ValidateBody(schema, $$"""{"n":{{value}}}""")?.ValidationErrorString);
    }

    [Fact]
    public void ExclusiveMaximumFalse_IsAnInclusiveBound()
    {
        const string schema = """{"type":"object","properties":{"n":{"maximum":10,"exclusiveMaximum":false}}}""";

        Assert.Null(ValidateBody(schema, """{"n":10}"""));
        Assert.Equal(
            "[numeric instance is greater than the required maximum (maximum: 10, found: 11)]",
            ValidateBody(schema, """{"n":11}""")?.ValidationErrorString);
    }

    [Fact]
    public void ConstIsIgnored_AsDraft4Ignores_UnknownKeywords()
    {
        Assert.Null(ValidateBody("""{"type":"object","properties":{"a":{"const":1}}}""", """{"a":2}"""));
    }

    [Fact]
    public void Draft4Id_AnchorsLocalReferences()
    {
        const string schema = """
            {"id":"https://example.com/root.json","type":"object",
             "definitions":{"name":{"type":"string","minLength":3}},
             "properties":{"n":{"$ref":"#/definitions/name"}}}
            """;

        Assert.Equal(
            """[string \"ab\" is too short (length: 2, required minimum: 3)]""",
            ValidateBody(schema, """{"n":"ab"}""")?.ValidationErrorString);
    }

    [Fact]
    public void AdditionalPropertiesFalse_ListsTheUnexpectedNames()
    {
        const string schema = """{"type":"object","properties":{"a":{}},"additionalProperties":false}""";

        Assert.Equal(
            """[object instance has properties which are not allowed by the schema: [\"x\",\"z\"]]""",
            ValidateBody(schema, """{"a":1,"z":2,"x":3}""")?.ValidationErrorString);
    }

    [Fact]
    public void PatternMaxLengthAndItems_UseTheValidatorWording()
    {
        const string schema = """
            {"type":"object","properties":{
              "code":{"type":"string","pattern":"^[A-Z]+$"},
              "tags":{"type":"array","minItems":2,"items":{"type":"string","maxLength":2}}}}
            """;

        Assert.Equal(
            """[ECMA 262 regex \"^[A-Z]+$\" does not match input string \"ab\", array is too short: must have at least 2 elements but instance has 1 elements]""",
            ValidateBody(schema, """{"code":"ab","tags":["abc"]}""")?.ValidationErrorString);
        Assert.Equal(
            """[string \"abc\" is too long (length: 3, maximum allowed: 2)]""",
            ValidateBody(schema, """{"tags":["ab","abc"]}""")?.ValidationErrorString);
    }

    [Fact]
    public void Combinators_ReportOneMessageEach()
    {
        Assert.Equal(
            "[instance failed to match at least one required schema among 2]",
            ValidateBody("""{"anyOf":[{"type":"string"},{"type":"integer"}]}""", "true")?.ValidationErrorString);
        Assert.Equal(
            "[instance failed to match exactly one schema (matched 2 out of 2)]",
            ValidateBody("""{"oneOf":[{"type":"integer"},{"minimum":1}]}""", "5")?.ValidationErrorString);
        Assert.Equal(
            "[instance failed to match all required schemas (matched only 1 out of 2)]",
            ValidateBody("""{"allOf":[{"type":"integer"},{"minimum":10}]}""", "5")?.ValidationErrorString);
        Assert.Equal(
            "[instance matched a schema which it should not have]",
            ValidateBody("""{"not":{"type":"integer"}}""", "5")?.ValidationErrorString);
    }

    [Fact]
    public void ModelsReferenceOtherModelsByTheirApiGatewayUrl()
    {
        var validator = Validator(
            ("Order", """{"type":"object","properties":{"pet":{"$ref":"https://apigateway.amazonaws.com/restapis/a1b2c3/models/PetModel"}}}"""),
            ("PetModel", PetModel));

        var failure = validator.Validate(Both, BodyRules("Order"), Json("""{"pet":{"name":"Spot","price":30}}"""));

        Assert.Equal("""[object has missing required properties ([\"type\"])]""", failure?.ValidationErrorString);
    }

    [Fact]
    public void ModelsThatCannotBeBuilt_ValidateNothing_InsteadOfFailingRequests()
    {
        var validator = Validator(
            ("Dangling", """{"type":"object","properties":{"pet":{"$ref":"https://apigateway.amazonaws.com/restapis/a1b2c3/models/Missing"}}}"""),
            ("Broken", "{not json"));

        Assert.Null(validator.Validate(Both, BodyRules("Dangling"), Json("""{"pet":1}""")));
        Assert.Null(validator.Validate(Both, BodyRules("Broken"), Json("{}")));
    }

    [Fact]
    public void EmptyBody_IsValidatedAsAnEmptyObject()
    {
        var failure = Validator(("PetModel", PetModel)).Validate(Both, BodyRules(), Json(""));

        Assert.Equal(
            """[object has missing required properties ([\"name\",\"price\",\"type\"])]""",
            failure?.ValidationErrorString);
    }

    [Fact]
    public void MalformedJson_IsBadRequestBody()
    {
        var failure = Validator(("PetModel", PetModel)).Validate(Both, BodyRules(), Json("{\"name\":"));

        Assert.Same(GatewayResponseType.BadRequestBody, failure?.ResponseType);
        Assert.Equal("Invalid request body", failure?.Message);
    }

    [Fact]
    public void NoModelForTheContentType_SkipsBodyValidation_ButDefaultModelApplies()
    {
        var validator = Validator(("PetModel", PetModel));
        var xml = Json("{}") with
        {
            Headers = new Dictionary<string, IReadOnlyList<string>> { ["Content-Type"] = ["application/xml"] },
        };

        Assert.Null(validator.Validate(Both, BodyRules(), xml));
        var withDefault = new MethodRequestRules { RequestModels = new Dictionary<string, string> { ["$default"] = "PetModel" } };
        Assert.Same(GatewayResponseType.BadRequestBody, validator.Validate(Both, withDefault, xml)?.ResponseType);
    }

    [Fact]
    public void ContentTypeParameters_DoNotStopModelSelection()
    {
        var request = Json("{}") with
        {
            Headers = new Dictionary<string, IReadOnlyList<string>> { ["content-type"] = ["Application/JSON; charset=utf-8"] },
        };

        Assert.NotNull(Validator(("PetModel", PetModel)).Validate(Both, BodyRules(), request));
    }

    [Fact]
    public void BodyIsNotValidated_WhenTheValidatorOnlyChecksParameters()
    {
        Assert.Null(Validator(("PetModel", PetModel)).Validate(new(false, true), BodyRules(), Json("{}")));
    }

    [Fact]
    public void MissingAndBlankRequiredParameters_AreBadRequestParameters_SortedByKey()
    {
        var rules = new MethodRequestRules
        {
            RequestParameters = new Dictionary<string, bool>
            {
                ["method.request.querystring.q1"] = true,
                ["method.request.header.h1"] = true,
                ["method.request.path.petId"] = true,
                ["method.request.querystring.optional"] = false,
            },
        };
        var request = new MethodRequestData
        {
            PathParameters = new Dictionary<string, string> { ["petId"] = "7" },
            QueryString = new Dictionary<string, IReadOnlyList<string>> { ["q1"] = [""] },
        };

        var failure = Validator().Validate(Both, rules, request);

        Assert.NotNull(failure);
        Assert.Same(GatewayResponseType.BadRequestParameters, failure.ResponseType);
        Assert.Equal("Missing required request parameters: [h1, q1]", failure.Message);
        Assert.Equal("Missing required request parameters: [h1, q1]", failure.ValidationErrorString);
    }

    [Fact]
    public void PresentParameters_Pass_WithHeaderNamesInAnyCase()
    {
        var rules = new MethodRequestRules
        {
            RequestParameters = new Dictionary<string, bool> { ["method.request.header.X-Token"] = true },
        };
        var request = new MethodRequestData
        {
            Headers = new Dictionary<string, IReadOnlyList<string>> { ["x-token"] = ["abc"] },
        };

        Assert.Null(Validator().Validate(Both, rules, request));
        Assert.NotNull(Validator().Validate(Both, rules, new MethodRequestData()));
        Assert.Null(Validator().Validate(new(true, false), rules, new MethodRequestData()));
    }
}
