using System.Diagnostics;
using System.Text.Json;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.ControlPlane;

/// <summary>Runs <c>python3</c> (with boto3 and botocore beside it) on a script given on stdin and parses the JSON it prints.</summary>
public static class PythonScript
{
    /// <summary>
    /// A script's opening: a boto3 <c>apigateway</c> client <c>c</c> on the first argument, and
    /// <c>error(label, call, **kwargs)</c>, which records in <c>seen</c> the refusal's
    /// <c>[status, code, message]</c>, or <c>None</c> when the call succeeded.
    /// </summary>
    public const string ApiGatewayRefusals = """
        import json, sys, boto3
        from botocore.exceptions import ClientError
        c = boto3.client("apigateway", endpoint_url=sys.argv[1], region_name="us-east-1",
                         aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret")
        seen = {}
        def error(label, call, **kwargs):
            try:
                call(**kwargs)
                seen[label] = None
            except ClientError as e:
                seen[label] = [e.response["ResponseMetadata"]["HTTPStatusCode"], e.response["Error"]["Code"], e.response["Error"]["Message"]]

        """;

    /// <summary>Asserts that the call <paramref name="label"/> recorded by <see cref="ApiGatewayRefusals"/> was refused so.</summary>
    public static void AssertRefused(JsonElement seen, string label, int status, string type, string message)
    {
        var error = seen.GetProperty(label);
        Assert.True(error.ValueKind == JsonValueKind.Array, $"{label} succeeded");
        Assert.Equal((label, status, type, message), (label, error[0].GetInt32(), error[1].GetString(), error[2].GetString()));
    }

    public static async Task<JsonElement> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("python3", ["-", .. arguments]);
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        var result = await ProcessRun.RunAsync(start, TimeSpan.FromSeconds(60), script);
        return result.Json();
    }
}
