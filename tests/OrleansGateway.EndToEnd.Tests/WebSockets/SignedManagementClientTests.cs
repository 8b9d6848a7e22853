using System.Net;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>An edge with keys: the management clients sign for service execute-api with the control plane's keys; bad signatures are 403.</summary>
public sealed class SignedManagementClientTests(SignedWebSocketEdgeFixture fixture)
    : ManagementClientTests(fixture.Edge, signed: true), IClassFixture<SignedWebSocketEdgeFixture>
{
    [Fact]
    public async Task WrongSecret_UnknownKey_AndNoSignature_Are403()
    {
        var (apiId, endpoint) = await WhoAmIApi.CreateAsync(new WebSocketApiCli(fixture.Edge));
        await using var socket = await WsClient.ConnectAsync(new WebSocketApiCli(fixture.Edge).StageUrl(apiId));
        var connectionId = await WhoAmIApi.ConnectionIdOfAsync(socket);

        var wrongSecret = await AwsCli.RunAsAsync(AwsCli.AccessKeyId, "not-the-secret", endpoint,
            "apigatewaymanagementapi", "post-to-connection", "--connection-id", connectionId, "--data", "forged");
        var unknownKey = await AwsCli.RunAsAsync("AKIDUNKNOWN", AwsCli.SecretAccessKey, endpoint,
            "apigatewaymanagementapi", "get-connection", "--connection-id", connectionId);
        var unsigned = await AwsCli.RunAsync(endpoint,
            "apigatewaymanagementapi", "post-to-connection", "--connection-id", connectionId, "--data", "anonymous", "--no-sign-request");
        using var http = new HttpClient();
        using var plain = await http.PostAsync($"{endpoint}/@groups/room/connections/{Uri.EscapeDataString(connectionId)}", new StringContent(string.Empty));

        Assert.Contains("(InvalidSignatureException) when calling the PostToConnection operation: The request signature we calculated does not match", wrongSecret.Stderr);
        Assert.Contains("(UnrecognizedClientException) when calling the GetConnection operation", unknownKey.Stderr);
        Assert.Contains("(MissingAuthenticationTokenException) when calling the PostToConnection operation", unsigned.Stderr);
        Assert.Equal(HttpStatusCode.Forbidden, plain.StatusCode);
        Assert.Equal("MissingAuthenticationTokenException", plain.Headers.GetValues("x-amzn-ErrorType").Single());

        // None of them reached the socket: the next frame is the one a signed post sends.
        (await ManagementClient.Boto3(signed: true).RunAsync(endpoint, "post", connectionId, "signed")).Succeeded();
        Assert.Equal("signed", await socket.ReceiveAsync());
    }

    [Fact]
    public async Task SignedForTheControlPlanesService_IsRefused()
    {
        var (apiId, endpoint) = await WhoAmIApi.CreateAsync(new WebSocketApiCli(fixture.Edge));
        await using var socket = await WsClient.ConnectAsync(new WebSocketApiCli(fixture.Edge).StageUrl(apiId));
        var connectionId = await WhoAmIApi.ConnectionIdOfAsync(socket);

        var answer = await PythonSigned(endpoint, "GET", $"/@connections/{Uri.EscapeDataString(connectionId)}", service: "apigateway");

        Assert.Equal(403, answer.GetProperty("status").GetInt32());
        Assert.Equal("InvalidSignatureException", answer.GetProperty("error").GetString());
        var message = System.Text.Json.JsonDocument.Parse(answer.GetProperty("body").GetString()!).RootElement.GetProperty("message").GetString();
        Assert.Contains("Credential should be scoped to correct service: 'execute-api'", message);
    }

    [Fact]
    public async Task Groups_SignedByBotocore_JoinSendAndList()
    {
        var (apiId, endpoint) = await WhoAmIApi.CreateAsync(new WebSocketApiCli(fixture.Edge));
        await using var socket = await WsClient.ConnectAsync(new WebSocketApiCli(fixture.Edge).StageUrl(apiId));
        var connectionId = await WhoAmIApi.ConnectionIdOfAsync(socket);

        var joined = await PythonSigned(endpoint, "PUT", $"/@groups/signed-room/connections/{Uri.EscapeDataString(connectionId)}");
        var sent = await PythonSigned(endpoint, "POST", "/@groups/signed-room", "to the room");
        var listed = await PythonSigned(endpoint, "GET", "/@groups/signed-room?maxResults=10");

        Assert.Equal(204, joined.GetProperty("status").GetInt32());
        Assert.Equal(200, sent.GetProperty("status").GetInt32());
        Assert.Equal("to the room", await socket.ReceiveAsync());
        Assert.Equal("""{"delivered":1}""", sent.GetProperty("body").GetString());
        Assert.Equal(200, listed.GetProperty("status").GetInt32());
        Assert.Contains(connectionId, System.Text.Json.JsonDocument.Parse(listed.GetProperty("body").GetString()!).RootElement
            .GetProperty("connectionIds").EnumerateArray().Select(id => id.GetString()));
    }

    /// <summary>A request signed by botocore's own SigV4 signer, as a backend without an SDK operation (the groups API) signs one.</summary>
    internal static async Task<System.Text.Json.JsonElement> PythonSigned(string endpoint, string method, string path, string body = "", string service = "execute-api")
    {
        const string script = """
            import json, sys, urllib.request, urllib.error
            from botocore.auth import SigV4Auth
            from botocore.awsrequest import AWSRequest
            from botocore.credentials import Credentials
            endpoint, method, path, body, service, key, secret = sys.argv[1:8]
            request = AWSRequest(method=method, url=endpoint + path, data=body.encode())
            SigV4Auth(Credentials(key, secret), service, 'us-east-1').add_auth(request)
            prepared = request.prepare()
            try:
                with urllib.request.urlopen(urllib.request.Request(prepared.url, data=prepared.body, headers=dict(prepared.headers), method=method)) as answer:
                    print(json.dumps({'status': answer.status, 'body': answer.read().decode()}))
            except urllib.error.HTTPError as e:
                print(json.dumps({'status': e.code, 'body': e.read().decode(), 'error': e.headers.get('x-amzn-ErrorType')}))
            """;
        return await ControlPlane.PythonScript.RunAsync(script, endpoint, method, path, body, service, AwsCli.AccessKeyId, AwsCli.SecretAccessKey);
    }
}
