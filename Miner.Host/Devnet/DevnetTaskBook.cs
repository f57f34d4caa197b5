namespace Miner.Host.Devnet;

/// <summary>
/// The devnet's tasks across all its validators: how many were handed out, under an optional limit, and every task
/// settled, in the order they settled. With a limit of N (`miner devnet --tasks N`) the validators hand out N tasks in
/// all and then answer pulls with no task, so exactly N get settled. Thread-safe.
/// </summary>
public sealed class DevnetTaskBook
{
    private readonly Lock _gate = new();
    private readonly List<DevnetSettledTask> _settled = [];
    private int _handedOut;

    /// <param name="limit">Tasks to hand out in all; null hands out tasks without end.</param>
    public DevnetTaskBook(int? limit = null)
    {
        if (limit is < 1) throw new ArgumentOutOfRangeException(nameof(limit), "a task limit must be at least 1");
        Limit = limit;
    }

    public int? Limit { get; }

    public int HandedOut
    {
        get
        {
            lock (_gate) return _handedOut;
        }
    }

    /// <summary>Every settled task so far, oldest first.</summary>
    public IReadOnlyList<DevnetSettledTask> Settled
    {
        get
        {
            lock (_gate) return _settled.ToArray();
        }
    }

    /// <summary>Counts one more task handed out; false, counting nothing, once the limit is reached.</summary>
    internal bool TryHandOut()
    {
        lock (_gate)
        {
            if (Limit is { } limit && _handedOut >= limit) return false;
            _handedOut++;
            return true;
        }
    }

    internal void Settle(DevnetSettledTask task)
    {
        lock (_gate) _settled.Add(task);
    }
}
