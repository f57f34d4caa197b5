namespace Miner.Actors.Mining.Routing;

/// <summary>
/// Smooth weighted round robin (nginx's) over the available validators with weight = stake × smoothed acceptance:
/// at each pick every candidate's credit grows by its weight, the one with the most credit is picked and pays the
/// sum of the weights. Picks are in proportion to weight and interleaved, and no weight is below 2 % of the largest,
/// so a low-stake validator is still used in turn (none starves). Only available validators take part, so when
/// supply exceeds what the GPUs can do the extra capacity goes to the validators whose results are worth more.
/// </summary>
public sealed class StakeWeightedPickPolicy : IValidatorPickPolicy
{
    /// <summary>Weights are floored at this share of the largest one.</summary>
    public const double WeightFloor = 0.02;

    private readonly Dictionary<string, double> _credit = new(StringComparer.Ordinal);

    public string Name => MiningOptions.StakeWeighted;

    public PickCandidate Pick(IReadOnlyList<PickCandidate> available)
    {
        if (available.Count == 0) throw new ArgumentException("no candidates", nameof(available));
        var raw = available.Select(c => Math.Max(c.StakeTao, 0) * c.Acceptance).ToArray();
        var max = raw.Max();
        var weights = raw.Select(w => max <= 0 ? 1.0 : Math.Max(w, max * WeightFloor)).ToArray();
        var total = weights.Sum();
        PickCandidate? best = null;
        var bestCredit = double.NegativeInfinity;
        for (var i = 0; i < available.Count; i++)
        {
            var credit = _credit.GetValueOrDefault(available[i].Hotkey) + weights[i];
            _credit[available[i].Hotkey] = credit;
            if (credit > bestCredit)
            {
                bestCredit = credit;
                best = available[i];
            }
        }
        _credit[best!.Hotkey] -= total;
        return best;
    }
}
