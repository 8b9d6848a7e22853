namespace OrleansGateway.Edge.DataPlane;

/// <summary>
/// The client's request body as the forwarder reads it, calling back once when it has been read to
/// the end: the moment the integration timeout starts.
/// </summary>
public sealed class RequestBodyEndSignal(Stream body, Action ended) : Stream
{
    private Action? _ended = ended;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Signal(count, body.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Signal(buffer.Length, body.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Signal(buffer.Length, await body.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Signal(int asked, int read)
    {
        // A zero-byte read into an empty buffer is a wait for data, not the end; YARP reads that way too.
        if (read == 0 && asked > 0)
        {
            Interlocked.Exchange(ref _ended, null)?.Invoke();
        }

        return read;
    }
}
