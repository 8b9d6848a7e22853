using OrleansGateway.Vtl;

namespace OrleansGateway.Core.Tests.Vtl;

/// <summary>
/// What API Gateway writes for a reference whose value is null or undefined: nothing, where plain Velocity 1.7 writes
/// the reference's source text. Each case cites the evidence that AWS renders it empty; the last test shows the
/// option that keeps plain Velocity's behaviour.
/// </summary>
public sealed class NullReferenceConformanceTests
{
    // (a) toqoz/api-gateway-mapping-template issue #5 ("When referencing an object ... that does not exist (e.g.
    // $input.path("$").item2), API Gateway will render it as an empty string"), fixed by PR #4 ("api gateway prints
    // null objects as empty string"); LocalStack PR #12774 (checked "with the AWS console and multiple scenarios") makes
    // $input.path return None when the JSONPath matches nothing, which its API Gateway renderer writes as "".
    [Theory]
    [InlineData("\"name\" : \"$input.path('$.missing')\"", "\"name\" : \"\"")]
    [InlineData("\"name\" : \"$input.path('$').item2\"", "\"name\" : \"\"")]
    [InlineData("#set($root = $input.path('$'))[$root.item2][$root.a.b]", "[][]")]
    public void MissingJsonPathIsEmpty(string template, string expected) =>
        Assert.Equal(expected, Vtl.Render(template, """{"item1":"x"}"""));

    // (b) The Serverless Framework's default request template sends "principalId": "$context.authorizer.principalId"
    // and "sub": "$context.authorizer.claims.sub"; without an authorizer the Lambda event from execute-api held
    // "principalId":"" and "cognitoPoolClaims":{"sub":""} (https://github.com/dherault/serverless-offline/issues/92).
    // Stage variables are a map in the same context; LocalStack's API Gateway renderer writes every null as ""
    // (localstack-core/localstack/utils/aws/templating.py, "Apigateway does not return None but returns an empty string").
    [Fact]
    public void MissingContextAndStageVariablesAreEmpty()
    {
        var output = VtlTemplate.Compile("""{"principalId":"$context.authorizer.principalId","sub":"$context.authorizer.claims.sub","x":"$context.authorizer.missing","s":"$stageVariables.missing","t":"${stageVariables['missing']}"}""")
            .Render(new VtlRenderContext
            {
                Context = new Dictionary<string, object?> { ["authorizer"] = new Dictionary<string, object?>() },
                StageVariables = new Dictionary<string, string> { ["url"] = "example.com" },
            });
        Assert.Equal("""{"principalId":"","sub":"","x":"","s":"","t":""}""", output);
    }

    // (c) LocalStack PR #11886 ("the default returned value of unfound variables differs between apigateway and appsync"):
    // for API Gateway an undefined variable resolves to "" (AWS-validated test), where AppSync gives null.
    [Theory]
    [InlineData("[$foo]", "[]")]
    [InlineData("[${foo}]", "[]")]
    [InlineData("{\"a\":\"$foo\",\"b\":\"${foo}x\"}", "{\"a\":\"\",\"b\":\"x\"}")]
    public void UndefinedVariableIsEmpty(string template, string expected) => Assert.Equal(expected, Vtl.Render(template));

    // (d) No published observation of a method on an undefined reference; the same null-to-empty rule is applied, since
    // Velocity evaluates the whole reference before writing it (ASTReference.render) and the rule is about that write.
    [Theory]
    [InlineData("[$foo.bar()]", "[]")]
    [InlineData("[$foo.bar().baz]", "[]")]
    [InlineData("[${foo.bar('x')}]", "[]")]
    public void MethodOnUndefinedIsEmpty(string template, string expected) => Assert.Equal(expected, Vtl.Render(template));

    // (e) Quiet references write nothing for null in Velocity 1.7 itself, so API Gateway agrees by construction.
    [Theory]
    [InlineData("[$!foo]", "[]")]
    [InlineData("[$!{foo}]", "[]")]
    [InlineData("[$!input.path('$.missing')]", "[]")]
    public void QuietReferenceIsEmpty(string template, string expected) => Assert.Equal(expected, Vtl.Render(template, "{}"));

    // (f) Inside a double-quoted string literal the reference is rendered by the same ASTReference code, so the same rule
    // holds; AWS's own console tutorial builds a header this way ("$input.params('header1')$input.params('header2')",
    // apigateway-override-request-response-parameters.html), where a missing parameter is "".
    [Theory]
    [InlineData("#set($x = \"[$foo]\")$x", "[]")]
    [InlineData("#set($x = \"[${foo.bar}]\")$x", "[]")]
    [InlineData("#set($x = \"$input.params('none')-$input.path('$.none')\")[$x]", "[-]")]
    public void UndefinedInsideStringLiteralIsEmpty(string template, string expected) => Assert.Equal(expected, Vtl.Render(template, "{}"));

    // The option keeps plain Velocity 1.7 (the source text of a null reference) for templates written for it.
    [Theory]
    [InlineData("[$foo]", "[$foo]")]
    [InlineData("[${foo}]", "[${foo}]")]
    [InlineData("[$foo.bar()]", "[$foo.bar()]")]
    [InlineData("[$!foo]", "[]")]
    [InlineData("#set($x = \"[$foo]\")$x", "[$foo]")]
    public void LiteralNullReferencesOptionKeepsVelocity(string template, string expected) =>
        Assert.Equal(expected, Vtl.Velocity(template));
}
