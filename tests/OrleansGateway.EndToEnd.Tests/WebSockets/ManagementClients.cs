using System.Diagnostics;
using System.Text.RegularExpressions;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>
/// The three real apigatewaymanagementapi clients, unmodified, pointed at a stage's base URL: the AWS
/// CLI, boto3 (python3) and the AWS SDK for JavaScript v3 (node, from the repository's node_modules).
/// Unsigned where the edge has no keys (as a loopback caller), signed with <see cref="AwsCli"/>'s keys otherwise.
/// </summary>
public abstract partial class ManagementClient(bool signed)
{
    public static ManagementClient Cli(bool signed) => new CliClient(signed);

    public static ManagementClient Boto3(bool signed) => new Boto3Client(signed);

    public static ManagementClient JavaScript(bool signed) => new JavaScriptClient(signed);

    protected bool Signed => signed;

    /// <summary>Runs <c>post</c>, <c>get</c> or <c>delete</c>; <paramref name="data"/> is the post's text.</summary>
    public abstract Task<ManagementAnswer> RunAsync(string endpoint, string operation, string connectionId, string data = "");

    [GeneratedRegex(@"An error occurred \((?<code>\w+)\)")]
    private static partial Regex ErrorCode();

    private sealed class CliClient(bool signed) : ManagementClient(signed)
    {
        public override async Task<ManagementAnswer> RunAsync(string endpoint, string operation, string connectionId, string data = "")
        {
            // A command line cannot carry 128 KB in one argument: large payloads go through a file.
            string? file = null;
            if (data.StartsWith("repeat:", StringComparison.Ordinal))
            {
                file = Path.GetTempFileName();
                await File.WriteAllTextAsync(file, new string('x', int.Parse(data["repeat:".Length..], System.Globalization.CultureInfo.InvariantCulture)));
            }

            string[] arguments = operation switch
            {
                "post" => ["post-to-connection", "--connection-id", connectionId, "--data", file is null ? data : "fileb://" + file],
                "get" => ["get-connection", "--connection-id", connectionId],
                _ => ["delete-connection", "--connection-id", connectionId],
            };
            string[] signing = Signed ? [] : ["--no-sign-request"];
            ProcessResult result;
            try
            {
                result = await AwsCli.RunAsync(endpoint, ["apigatewaymanagementapi", .. arguments, .. signing, "--cli-read-timeout", "20"]);
            }
            finally
            {
                if (file is not null)
                {
                    File.Delete(file);
                }
            }

            if (result.ExitCode != 0)
            {
                var code = ErrorCode().Match(result.Stderr);
                Assert.True(code.Success, $"aws {arguments[0]} failed without an AWS error: {result.Stderr}");
                return new ManagementAnswer(code.Groups["code"].Value, default);
            }

            return new ManagementAnswer(null, result.Stdout.Trim().Length == 0 ? default : result.Json());
        }
    }

    private sealed class Boto3Client(bool signed) : ManagementClient(signed)
    {
        private const string Script = """
            import json, sys
            import boto3
            from botocore import UNSIGNED
            from botocore.config import Config
            operation, endpoint, connection_id, data, signed, key, secret = sys.argv[1:8]
            config = Config(retries={'max_attempts': 1}) if signed == '1' else Config(signature_version=UNSIGNED, retries={'max_attempts': 1})
            client = boto3.client('apigatewaymanagementapi', endpoint_url=endpoint, region_name='us-east-1',
                                  aws_access_key_id=key, aws_secret_access_key=secret, config=config)
            if data.startswith('repeat:'):
                data = 'x' * int(data[len('repeat:'):])
            try:
                if operation == 'post':
                    answer = client.post_to_connection(ConnectionId=connection_id, Data=data.encode())
                elif operation == 'get':
                    answer = client.get_connection(ConnectionId=connection_id)
                else:
                    answer = client.delete_connection(ConnectionId=connection_id)
                answer.pop('ResponseMetadata', None)
                print(json.dumps({'result': answer}, default=lambda value: value.isoformat()))
            except client.exceptions.ClientError as e:
                print(json.dumps({'error': e.response['Error']['Code'], 'status': e.response['ResponseMetadata']['HTTPStatusCode']}))
            """;

        public override async Task<ManagementAnswer> RunAsync(string endpoint, string operation, string connectionId, string data = "")
        {
            var start = new ProcessStartInfo("python3", ["-", operation, endpoint, connectionId, data, Signed ? "1" : "0", AwsCli.AccessKeyId, AwsCli.SecretAccessKey]);
            start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
            start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
            return ManagementAnswer.Of((await ProcessRun.RunAsync(start, TimeSpan.FromSeconds(60), Script)).Json());
        }
    }

    private sealed class JavaScriptClient(bool signed) : ManagementClient(signed)
    {
        private const string Script = """
            const { ApiGatewayManagementApiClient, PostToConnectionCommand, GetConnectionCommand, DeleteConnectionCommand } =
              require('@aws-sdk/client-apigatewaymanagementapi');
            const [operation, endpoint, connectionId, text, signed, accessKeyId, secretAccessKey] = process.argv.slice(2);
            const client = new ApiGatewayManagementApiClient({
              endpoint, region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId, secretAccessKey },
              // A loopback caller of an edge without keys signs nothing.
              ...(signed === '1' ? {} : { signer: { sign: async request => request } }),
            });
            const data = text.startsWith('repeat:') ? 'x'.repeat(Number(text.slice('repeat:'.length))) : text;
            const command = operation === 'post' ? new PostToConnectionCommand({ ConnectionId: connectionId, Data: Buffer.from(data) })
              : operation === 'get' ? new GetConnectionCommand({ ConnectionId: connectionId })
              : new DeleteConnectionCommand({ ConnectionId: connectionId });
            client.send(command).then(
              answer => { delete answer.$metadata; console.log(JSON.stringify({ result: answer })); },
              error => console.log(JSON.stringify({ error: error.name, status: error.$metadata?.httpStatusCode })));
            """;

        public override async Task<ManagementAnswer> RunAsync(string endpoint, string operation, string connectionId, string data = "")
        {
            var start = new ProcessStartInfo("node", ["-", operation, endpoint, connectionId, data, Signed ? "1" : "0", AwsCli.AccessKeyId, AwsCli.SecretAccessKey])
            {
                // require() from a script on stdin resolves against the working directory.
                WorkingDirectory = RepositoryLayout.Root,
            };
            return ManagementAnswer.Of((await ProcessRun.RunAsync(start, TimeSpan.FromSeconds(60), Script)).Json());
        }
    }
}
