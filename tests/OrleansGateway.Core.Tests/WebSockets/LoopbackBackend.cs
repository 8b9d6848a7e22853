using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace OrleansGateway.Core.Tests.WebSockets;

/// <summary>
/// A WebSocket integration's backend on a free loopback port (HttpListener): records every call and answers
/// <c>/status/{code}</c> with that status and <c>{"message": ...}</c>, <c>/subprotocol/{name}</c> with that
/// <c>Sec-WebSocket-Protocol</c>, <c>/slow/{ms}</c> after a delay, <c>/big/{bytes}</c> with that many bytes,
/// <c>/redirect</c> with a 302 to <c>/redirected</c>, and anything else with the call as JSON.
/// </summary>
public sealed class LoopbackBackend : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<RecordedRequest> _calls = Channel.CreateUnbounded<RecordedRequest>();
    private readonly CancellationTokenSource _stop = new();

    public LoopbackBackend()
    {
        Port = FreePort();
        Url = $"http://127.0.0.1:{Port}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public string Url { get; }

    /// <summary>A loopback port nothing listens on.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async Task<RecordedRequest> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _calls.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The calls recorded so far, without waiting.</summary>
    public List<RecordedRequest> Received()
    {
        var calls = new List<RecordedRequest>();
        while (_calls.Reader.TryRead(out var call))
        {
            calls.Add(call);
        }

        return calls;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var rawUrl = request.RawUrl ?? "/";
        var path = rawUrl.Split('?', 2)[0];
        var headers = request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!.ToLowerInvariant(), k => request.Headers[k]!);
        var call = new RecordedRequest(request.HttpMethod, path, request.Url?.Query ?? string.Empty, headers, body);
        await _calls.Writer.WriteAsync(call);

        var response = context.Response;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        byte[] answer;
        try
        {
            switch (segments)
            {
                case ["status", var code, ..] when int.TryParse(code, out var status):
                    response.StatusCode = status;
                    answer = JsonSerializer.SerializeToUtf8Bytes(new { message = $"status {status}" });
                    break;
                case ["subprotocol", var name, ..]:
                    response.Headers["Sec-WebSocket-Protocol"] = name;
                    answer = [];
                    break;
                case ["slow", var ms, ..] when int.TryParse(ms, out var delay):
                    await Task.Delay(delay, _stop.Token);
                    answer = JsonSerializer.SerializeToUtf8Bytes(new { slow = delay });
                    break;
                case ["big", var size, ..] when int.TryParse(size, out var bytes):
                    answer = Encoding.ASCII.GetBytes(new string('x', bytes));
                    break;
                case ["redirect", ..]:
                    response.StatusCode = 302;
                    response.RedirectLocation = Url + "/redirected";
                    answer = JsonSerializer.SerializeToUtf8Bytes(new { moved = true });
                    break;
                default:
                    answer = JsonSerializer.SerializeToUtf8Bytes(call);
                    break;
            }

            response.ContentType = "application/json";
            response.ContentLength64 = answer.Length;
            await response.OutputStream.WriteAsync(answer, _stop.Token);
            response.Close();
        }
        catch (Exception e) when (e is OperationCanceledException or HttpListenerException or ObjectDisposedException)
        {
            // The test is over, or the gateway gave up on this call.
        }
    }
}
