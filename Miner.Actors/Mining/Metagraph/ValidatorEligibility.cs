using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Scoring;

namespace Miner.Actors.Mining.Metagraph;

/// <summary>The eligibility rule: serving, stake S at least the minimum, not blacklisted, not our own hotkey.</summary>
public static class ValidatorEligibility
{
    /// <summary>Splits <paramref name="candidates"/> into eligible validators and skipped ones with the reason.</summary>
    public static (IReadOnlyList<ValidatorInfo> Eligible, IReadOnlyList<(ValidatorCandidate Candidate, string Reason)> Skipped) Evaluate(
        IReadOnlyList<ValidatorCandidate> candidates, double minStakeTao, string? ownHotkey, BlacklistSnapshot blacklist)
    {
        var eligible = new List<ValidatorInfo>();
        var skipped = new List<(ValidatorCandidate, string)>();
        foreach (var c in candidates)
        {
            string? reason = null;
            if (c.Hotkey == ownHotkey) reason = "own hotkey";
            else if (c.NotServingReason is { } notServing || c.Axon is null) reason = $"not serving: {c.NotServingReason ?? "no axon"}";
            else if (c.StakeTao < minStakeTao) reason = $"low stake: S {c.StakeTao:F1} < {minStakeTao:F1}";
            else if (blacklist.ReasonFor(c.Hotkey, c.Uid) is { } why) reason = $"blacklisted: {why}";
            if (reason is null) eligible.Add(new ValidatorInfo(c.Uid, c.Hotkey, c.Axon!, c.StakeTao));
            else skipped.Add((c, reason));
        }
        return (eligible, skipped);
    }
}
