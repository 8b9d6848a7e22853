using System.Net.Sockets;
using System.Text;

namespace OrleansGateway.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One HTTP/1.1 exchange on a plain socket, for what HttpClient will not send: a declared body
/// that never comes, a chunked body cut off mid-way. Reads the answer's status, headers and
/// Content-Length body, or fails after <c>timeout</c> (a server still waiting for the body).
/// </summary>
public static class RawHttp
{
    public static async Task<RawResponse> SendAsync(string baseUrl, string head, Func<Stream, Task>? writeBody = null, TimeSpan? timeout = null)
    {
        var uri = new Uri(baseUrl);
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        using var client = new TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port, cancel.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ReplaceLineEndings("\r\n") + "\r\n"), cancel.Token);
        if (writeBody is not null)
        {
            await writeBody(stream);
        }

        var received = new MemoryStream();
        var buffer = new byte[64 * 1024];
        int headerEnd;
        while ((headerEnd = IndexOf(received, "\r\n\r\n"u8)) < 0)
        {
            var read = await stream.ReadAsync(buffer, cancel.Token);
            if (read == 0)
            {
                throw new IOException("connection closed before an answer: " + Encoding.UTF8.GetString(received.ToArray()));
            }

            received.Write(buffer, 0, read);
        }

        var headText = Encoding.ASCII.GetString(received.GetBuffer(), 0, headerEnd);
        var lines = headText.Split("\r\n");
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var chunked = headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase);
        var length = headers.TryGetValue("Content-Length", out var declared) ? int.Parse(declared, System.Globalization.CultureInfo.InvariantCulture) : 0;
        while (chunked ? !EndsWith(received, "0\r\n\r\n"u8) : received.Length < headerEnd + 4 + length)
        {
            var read = await stream.ReadAsync(buffer, cancel.Token);
            if (read == 0)
            {
                break;
            }

            received.Write(buffer, 0, read);
        }

        var body = Encoding.UTF8.GetString(received.GetBuffer(), headerEnd + 4, (int)received.Length - headerEnd - 4);
        if (chunked)
        {
            body = Dechunk(body);
        }

        return new RawResponse(int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers, body);
    }

    private static string Dechunk(string text)
    {
        var body = new StringBuilder();
        var at = 0;
        while (at < text.Length)
        {
            var lineEnd = text.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = Convert.ToInt32(text[at..lineEnd], 16);
            if (size == 0)
            {
                break;
            }

            body.Append(text, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }

        return body.ToString();
    }

    private static bool EndsWith(MemoryStream stream, ReadOnlySpan<byte> value) =>
        stream.GetBuffer().AsSpan(0, (int)stream.Length).EndsWith(value);

    private static int IndexOf(MemoryStream stream, ReadOnlySpan<byte> value) =>
        stream.GetBuffer().AsSpan(0, (int)stream.Length).IndexOf(value);
}
