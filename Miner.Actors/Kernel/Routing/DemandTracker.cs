namespace Miner.Actors.Kernel;

/// <summary>
/// Work-pulling bookkeeping for a router: workers announce credit when they can take work, and work is only
/// ever offered to a worker with credit, in round-robin order among them. This replaces mailbox-size routing,
/// which cannot see that a worker with an empty mailbox is busy on a long job.
/// </summary>
public sealed class DemandTracker<TWorker> where TWorker : notnull
{
    private readonly List<TWorker> _order = new();
    private readonly Dictionary<TWorker, int> _credit = new();
    private int _next;

    public int TotalCredit { get; private set; }
    public int Workers => _order.Count;

    public int CreditOf(TWorker worker) => _credit.GetValueOrDefault(worker);

    public void AddCredit(TWorker worker, int credits = 1)
    {
        if (credits <= 0) throw new ArgumentOutOfRangeException(nameof(credits), "credit must be positive");
        if (!_credit.ContainsKey(worker))
        {
            _order.Add(worker);
            _credit[worker] = 0;
        }
        _credit[worker] += credits;
        TotalCredit += credits;
    }

    /// <summary>Takes one credit from the next worker in turn that has some.</summary>
    public bool TryTake(out TWorker worker)
    {
        for (var i = 0; i < _order.Count; i++)
        {
            var candidate = _order[(_next + i) % _order.Count];
            if (_credit[candidate] <= 0) continue;
            _credit[candidate]--;
            TotalCredit--;
            _next = (_next + i + 1) % _order.Count;
            worker = candidate;
            return true;
        }
        worker = default!;
        return false;
    }

    /// <summary>Forgets a worker (it stopped) and its credit.</summary>
    public void Remove(TWorker worker)
    {
        if (!_credit.Remove(worker, out var credit)) return;
        TotalCredit -= credit;
        var index = _order.IndexOf(worker);
        _order.RemoveAt(index);
        if (index < _next) _next--;
        if (_order.Count == 0 || _next >= _order.Count) _next = 0;
    }
}
