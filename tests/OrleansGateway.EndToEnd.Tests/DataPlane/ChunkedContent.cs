using System.Net;

namespace OrleansGateway.EndToEnd.Tests.DataPlane;

/// <summary>A request body of unknown length, so it goes out chunked without a Content-Length.</summary>
internal sealed class ChunkedContent(long length) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var chunk = new byte[64 * 1024];
        for (long sent = 0; sent < length; sent += chunk.Length)
        {
            await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, length - sent)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
