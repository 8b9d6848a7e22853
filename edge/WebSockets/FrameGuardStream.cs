namespace OrleansGateway.Edge.WebSockets;

/// <summary>
/// The upgraded connection's stream, read through a small WebSocket frame-header parser: .NET's
/// WebSocket does not say how large a frame is, and AWS's limit is per frame. Also lets the receive
/// loop wait for data with a zero-byte read, so an idle socket holds no receive buffer.
/// </summary>
public sealed class FrameGuardStream(Stream inner, long maxFrameBytes) : Stream
{
    // The frame header being parsed: 2 bytes, then 0, 2 or 8 bytes of extended length, then 0 or 4 of mask.
    private int _headerRead;
    private int _lengthBytes;
    private int _maskBytes;
    private ulong _payloadLength;
    private long _payloadLeft;

    /// <summary>A frame announced a payload over the limit: the session closes with 1009.</summary>
    public bool FrameTooLarge { get; private set; }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Completes when the client sent something, without holding a buffer meanwhile.</summary>
    public ValueTask<int> WaitForDataAsync(CancellationToken cancellationToken) => inner.ReadAsync(Memory<byte>.Empty, cancellationToken);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Inspect(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("asynchronous only");

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("asynchronous only");

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => throw new NotSupportedException("asynchronous only");

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();

    private void Inspect(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_payloadLeft > 0)
            {
                var skip = (int)Math.Min(_payloadLeft, bytes.Length);
                _payloadLeft -= skip;
                bytes = bytes[skip..];
                continue;
            }

            var b = bytes[0];
            bytes = bytes[1..];
            _headerRead++;
            if (_headerRead == 2)
            {
                var length = b & 0x7F;
                _maskBytes = (b & 0x80) != 0 ? 4 : 0;
                _lengthBytes = length == 126 ? 2 : length == 127 ? 8 : 0;
                _payloadLength = length is 126 or 127 ? 0 : (ulong)length;
            }
            else if (_headerRead > 2 && _headerRead <= 2 + _lengthBytes)
            {
                _payloadLength = (_payloadLength << 8) | b;
            }

            if (_headerRead >= 2 && _headerRead == 2 + _lengthBytes + _maskBytes)
            {
                FrameTooLarge |= _payloadLength > (ulong)maxFrameBytes;
                _payloadLeft = (long)Math.Min(_payloadLength, long.MaxValue);
                _headerRead = 0;
            }
        }
    }
}
