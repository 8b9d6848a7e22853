namespace OrleansGateway.Grains.Tests.Storage;

/// <summary>The switch a test turns to make <see cref="FaultInjectingGrainStorage"/> fail writes, and how many it failed.</summary>
public sealed class StorageFaults
{
    private volatile bool _failWrites;
    private int _failedWrites;

    public bool FailWrites
    {
        get => _failWrites;
        set => _failWrites = value;
    }

    public int FailedWrites => Volatile.Read(ref _failedWrites);

    public void CountFailure() => Interlocked.Increment(ref _failedWrites);
}
