using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using OrleansGateway.Mapping.HttpApi;
using OrleansGateway.Mapping.Parameters;

namespace OrleansGateway.WebSockets;

/// <summary>
/// Sends one WebSocket integration request over the shared invoker and reads the answer, at most
/// <see cref="WebSocketIntegrationLimits.MaxReplyBytes"/> of it, all within the integration's timeout.
/// Failures are values: the dispatcher turns them into AWS's answers.
/// </summary>
internal static class WebSocketIntegrationCall
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static async Task<IntegrationCallResult> SendAsync(
        HttpMessageInvoker invoker, WebSocketIntegration integration, IntegrationRequestParameters parameters, string? body, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(integration.Timeout);
        try
        {
            using var request = Build(integration, parameters, body);
            using var response = await invoker.SendAsync(request, deadline.Token);
            if (response.Content.Headers.ContentLength > WebSocketIntegrationLimits.MaxReplyBytes)
            {
                return IntegrationCallResult.Failed($"the integration's answer is larger than {WebSocketIntegrationLimits.MaxReplyBytes} bytes");
            }

            var content = await ReadBoundedAsync(response.Content, deadline.Token);
            if (content is null)
            {
                return IntegrationCallResult.Failed($"the integration's answer is larger than {WebSocketIntegrationLimits.MaxReplyBytes} bytes");
            }

            var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                headers[name] = [.. values];
            }

            return new IntegrationCallResult(new IntegrationResponseData { StatusCode = (int)response.StatusCode, Headers = headers, Body = content }, false, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new IntegrationCallResult(null, true, $"the integration did not answer within {(int)integration.Timeout.TotalMilliseconds} ms");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException or FormatException)
        {
            return IntegrationCallResult.Failed($"{e.GetType().Name}: {e.Message}");
        }
    }

    private static HttpRequestMessage Build(WebSocketIntegration integration, IntegrationRequestParameters parameters, string? body)
    {
        var uri = integration.Uri!;
        var builder = new DefaultInterpolatedStringHandler(0, 0);
        uri.AppendTo(ref builder, parameters.Path);
        var separator = '?';
        if (uri.Query.Length > 0)
        {
            builder.AppendFormatted(separator);
            builder.AppendLiteral(uri.Query);
            separator = '&';
        }

        foreach (var (name, values) in parameters.QueryString)
        {
            foreach (var value in values)
            {
                builder.AppendFormatted(separator);
                builder.AppendLiteral(Uri.EscapeDataString(name));
                builder.AppendFormatted('=');
                builder.AppendLiteral(Uri.EscapeDataString(value));
                separator = '&';
            }
        }

        var request = new HttpRequestMessage(integration.Method, new Uri(builder.ToStringAndClear(), UriKind.Absolute));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = Json;
        }

        foreach (var (name, value) in parameters.Headers)
        {
            // The URI names the host, and framing headers are the client's to write; mapped values cannot start another header.
            if (ReservedHeaders.IsReserved(name) || string.Equals(name, "host", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var clean = MappedHeaderValue.Clean(value);
            if (string.Equals(name, "content-type", StringComparison.OrdinalIgnoreCase))
            {
                if (request.Content is not null && MediaTypeHeaderValue.TryParse(clean, out var type))
                {
                    request.Content.Headers.ContentType = type;
                }
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, clean);
            }
        }

        return request;
    }

    /// <summary>The body as text, or null when it is longer than the limit.</summary>
    private static async Task<string?> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[Math.Min(WebSocketIntegrationLimits.MaxReplyBytes + 1, (int)(content.Headers.ContentLength ?? 4096) + 1)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length > WebSocketIntegrationLimits.MaxReplyBytes)
                {
                    return null;
                }

                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, WebSocketIntegrationLimits.MaxReplyBytes + 1));
            }

            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                return Encoding.UTF8.GetString(buffer, 0, length);
            }

            length += read;
        }
    }
}
