namespace Miner.Actors.Mining.Routing;

/// <summary>Takes available validators in uid order, continuing after the one picked last (the base miner's order).</summary>
public sealed class RoundRobinPickPolicy : IValidatorPickPolicy
{
    private int _lastUid = -1;

    public string Name => MiningOptions.RoundRobin;

    public PickCandidate Pick(IReadOnlyList<PickCandidate> available)
    {
        if (available.Count == 0) throw new ArgumentException("no candidates", nameof(available));
        var ordered = available.OrderBy(c => c.Uid).ToList();
        var pick = ordered.FirstOrDefault(c => c.Uid > _lastUid) ?? ordered[0];
        _lastUid = pick.Uid;
        return pick;
    }
}
