using System.Diagnostics;
using System.Text.RegularExpressions;
using OrleansGateway.EndToEnd.Tests.Infrastructure;

namespace OrleansGateway.EndToEnd.Tests.WebSockets;

/// <summary>
/// The chat sample as its README runs it: an embedded edge (here with keys, so the backend's calls
/// must be signed), <c>samples/chat/setup.sh</c> creating the API with the AWS CLI, and the sample
/// backend started with the stage base the script printed.
/// </summary>
public sealed class ChatSampleFixture : IAsyncLifetime
{
    public EdgeHost Edge { get; private set; } = null!;

    public HostProcess Backend { get; private set; } = null!;

    /// <summary>The chat page's address as setup.sh printed it (<c>{backend}/?ws={stage's ws:// URL}</c>).</summary>
    public string PageUrl { get; private set; } = null!;

    public string WebSocketUrl { get; private set; } = null!;

    public string StageBase { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Edge = await EdgeHost.StartAsync(environment: new Dictionary<string, string>
        {
            ["Gateway__Admin__AccessKeyId"] = AwsCli.AccessKeyId,
            ["Gateway__Admin__SecretAccessKey"] = AwsCli.SecretAccessKey,
        });

        var backendUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var setup = await RunSetupAsync(backendUrl);
        Assert.True(setup.ExitCode == 0, $"setup.sh exited {setup.ExitCode}:\n{setup.Stdout}\n{setup.Stderr}");
        StageBase = Printed(setup.Stdout, "Stage base");
        WebSocketUrl = Printed(setup.Stdout, "WebSocket URL");
        PageUrl = Printed(setup.Stdout, "Chat page");
        Assert.Contains($"Chat__StageUrl={StageBase} dotnet run --project samples/chat -- --urls {backendUrl}", setup.Stdout, StringComparison.Ordinal);

        Backend = HostProcess.Start(RepositoryLayout.ChatBackendAssembly, new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = backendUrl,
            ["Chat__StageUrl"] = StageBase,
            ["AWS_ACCESS_KEY_ID"] = AwsCli.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = AwsCli.SecretAccessKey,
            ["AWS_REGION"] = "us-east-1",
        });
        await Backend.WaitHealthyAsync(backendUrl, TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (Backend is not null)
        {
            await Backend.DisposeAsync();
        }

        await Edge.DisposeAsync();
    }

    private Task<ProcessResult> RunSetupAsync(string backendUrl)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryLayout.Root, "samples", "chat", "setup.sh")]);
        start.Environment["GATEWAY_ADMIN"] = Edge.AdminUrl;
        start.Environment["GATEWAY_DATA"] = Edge.DataUrl;
        start.Environment["CHAT_BACKEND"] = backendUrl;
        start.Environment["AWS_ACCESS_KEY_ID"] = AwsCli.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = AwsCli.SecretAccessKey;
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        return ProcessRun.RunAsync(start, TimeSpan.FromSeconds(120));
    }

    /// <summary>The value after <c>{label}:</c> on the script's output.</summary>
    private static string Printed(string output, string label)
    {
        var match = Regex.Match(output, $@"^{Regex.Escape(label)}:\s+(\S+)", RegexOptions.Multiline);
        Assert.True(match.Success, $"setup.sh printed no '{label}:' line:\n{output}");
        return match.Groups[1].Value;
    }
}
