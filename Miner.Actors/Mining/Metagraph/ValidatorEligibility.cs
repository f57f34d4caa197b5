using System.Globalization;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Scoring;

namespace Miner.Actors.Mining.Metagraph;

/// <summary>The eligibility rule: serving, stake S at least the minimum, not blacklisted, not our own hotkey.</summary>
public static class ValidatorEligibility
{
    /// <summary>Splits <paramref name="candidates"/> into eligible validators and skipped ones with the reason.</summary>
    public static (IReadOnlyList<ValidatorInfo> Eligible, IReadOnlyList<SkippedValidator> Skipped) Evaluate(
        IReadOnlyList<ValidatorCandidate> candidates, double minStakeTao, string? ownHotkey, BlacklistSnapshot blacklist)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(blacklist);
        var eligible = new List<ValidatorInfo>();
        var skipped = new List<SkippedValidator>();
        var lowStake = string.Create(CultureInfo.InvariantCulture, $"low stake (< {minStakeTao:0.###} τ)");
        foreach (var c in candidates)
        {
            SkippedValidator? skip = null;
            if (c.Hotkey == ownHotkey) skip = new(c, "own hotkey", "own hotkey");
            else if (c.NotServingReason is not null || c.Axon is null)
                skip = new(c, c.NotServingKind ?? "not serving", $"not serving: {c.NotServingReason ?? "no axon"}");
            else if (c.StakeTao < minStakeTao)
                skip = new(c, lowStake, string.Create(CultureInfo.InvariantCulture, $"low stake: S {c.StakeTao:F1} < {minStakeTao:F1}"));
            else if (blacklist.ReasonFor(c.Hotkey, c.Uid) is { } why) skip = new(c, "blacklisted", $"blacklisted: {why}");
            if (skip is null) eligible.Add(new ValidatorInfo(c.Uid, c.Hotkey, c.Axon!, c.StakeTao));
            else skipped.Add(skip);
        }
        return (eligible, skipped);
    }
}
