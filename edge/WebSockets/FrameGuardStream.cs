using System.Buffers;

namespace OrleansGateway.Edge.WebSockets;

/// <summary>
/// The upgraded connection's stream, read through a small WebSocket frame-header parser: .NET's
/// WebSocket does not say how large a frame is, and AWS's limit is per frame. Also lets the receive
/// loop wait for data with a zero-byte read, so an idle socket holds no receive buffer. For that wait
/// to be right, no read hands the WebSocket bytes past the end of a frame: the WebSocket would keep
/// them (the start of the client's next message) while the loop waited on the network for more. What
/// a read brought beyond a frame's end is kept here, in a pooled buffer, until the next read.
/// </summary>
public sealed class FrameGuardStream(Stream inner, long maxFrameBytes) : Stream
{
    private byte[]? _carry;
    private int _carryOffset;
    private int _carryCount;

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

    /// <summary>Completes when the client sent something (or a read brought more than one frame), without holding a buffer meanwhile.</summary>
    public ValueTask<int> WaitForDataAsync(CancellationToken cancellationToken) =>
        _carryCount > 0 ? ValueTask.FromResult(0) : inner.ReadAsync(Memory<byte>.Empty, cancellationToken);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return await WaitForDataAsync(cancellationToken);
        }

        if (_carryCount > 0)
        {
            var taken = Math.Min(_carryCount, buffer.Length);
            _carry.AsSpan(_carryOffset, taken).CopyTo(buffer.Span);
            var kept = Inspect(buffer.Span[..taken]);
            _carryOffset += kept;
            _carryCount -= kept;
            if (_carryCount == 0)
            {
                ReturnCarry();
            }

            return kept;
        }

        var read = await inner.ReadAsync(buffer, cancellationToken);
        var frame = Inspect(buffer.Span[..read]);
        if (frame < read)
        {
            _carry = ArrayPool<byte>.Shared.Rent(read - frame);
            buffer.Span[frame..read].CopyTo(_carry);
            _carryOffset = 0;
            _carryCount = read - frame;
        }

        return frame;
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
            ReturnCarry();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync()
    {
        ReturnCarry();
        return inner.DisposeAsync();
    }

    private void ReturnCarry()
    {
        if (_carry is { } carry)
        {
            _carry = null;
            _carryCount = 0;
            ArrayPool<byte>.Shared.Return(carry);
        }
    }

    /// <summary>Parses <paramref name="bytes"/> up to the end of the first frame that ends in them; how many bytes that is.</summary>
    private int Inspect(ReadOnlySpan<byte> bytes)
    {
        var used = 0;
        while (used < bytes.Length)
        {
            if (_payloadLeft > 0)
            {
                var skip = (int)Math.Min(_payloadLeft, bytes.Length - used);
                _payloadLeft -= skip;
                used += skip;
                if (_payloadLeft == 0)
                {
                    return used;
                }

                continue;
            }

            var b = bytes[used++];
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
                if (_payloadLeft == 0)
                {
                    return used;
                }
            }
        }

        return used;
    }
}
