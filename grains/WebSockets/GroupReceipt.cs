namespace OrleansGateway.WebSockets;

/// <summary>One stream send waiting for its edges' delivery reports: done when every edge expected has reported.</summary>
internal sealed class GroupReceipt(HashSet<int> edges)
{
    private readonly TaskCompletionSource _allReported = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Delivered { get; private set; }

    public Task AllReported => _allReported.Task;

    public void Report(int edgeId, int count)
    {
        // Counted once per edge, and only from edges the send was meant for.
        if (edges.Remove(edgeId))
        {
            Delivered += count;
        }

        if (edges.Count == 0)
        {
            _allReported.TrySetResult();
        }
    }
}
