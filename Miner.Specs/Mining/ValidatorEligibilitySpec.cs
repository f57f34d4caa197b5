using System.Net;
using Miner.Actors.Mining.Metagraph;
using Miner.Actors.Mining.Scoring;
using Miner.Models.Bittensor.Wire;

namespace Miner.Specs.Mining;

public sealed class ValidatorEligibilitySpec
{
    private static ValidatorCandidate Candidate(int uid, double stake = 5000, string? notServing = null) =>
        new(uid, $"hk{uid}", notServing is null ? new AxonTarget(IPAddress.Parse("203.0.113.5"), 9000 + uid, $"hk{uid}") : null, stake, notServing);

    private static readonly BlacklistSnapshot NoBlacklist = new([], [], new Dictionary<string, BlacklistEntry>());

    [Fact]
    public void Each_skipped_validator_has_its_reason()
    {
        var blacklist = new BlacklistSnapshot([4], [], new Dictionary<string, BlacklistEntry>());
        var (eligible, skipped) = ValidatorEligibility.Evaluate(
            [Candidate(0), Candidate(1, notServing: "axon is not serving (ip 0)"), Candidate(2, stake: 999.9), Candidate(3), Candidate(4)],
            1000, ownHotkey: "hk3", blacklist);
        Assert.Equal([0], eligible.Select(v => v.Uid));
        var reasons = skipped.ToDictionary(s => s.Candidate.Uid, s => s.Reason);
        Assert.StartsWith("not serving", reasons[1]);
        Assert.StartsWith("low stake", reasons[2]);
        Assert.Equal("own hotkey", reasons[3]);
        Assert.StartsWith("blacklisted: uid 4", reasons[4]);
    }

    [Fact]
    public void Stake_equal_to_the_minimum_is_enough()
    {
        var (eligible, _) = ValidatorEligibility.Evaluate([Candidate(0, stake: 1000)], 1000, null, NoBlacklist);
        Assert.Single(eligible);
    }

    [Fact]
    public void Skipped_neurons_are_counted_by_reason()
    {
        var (_, skipped) = ValidatorEligibility.Evaluate(
            [Candidate(0, stake: 10), Candidate(1, stake: 20), Candidate(2, stake: 30), Candidate(3, notServing: "axon is not serving (ip 0)"),
             new ValidatorCandidate(4, "hk4", null, 5000, "127.0.0.1 is a loopback address", "loopback address"), Candidate(5)],
            1000, ownHotkey: "hk5", NoBlacklist);

        Assert.Equal("3 low stake (< 1000 τ), 1 loopback address, 1 not serving, 1 own hotkey", SkippedValidatorCounts.Describe(skipped));
    }

    [Fact]
    public void No_skipped_neuron_is_described_as_none()
    {
        Assert.Equal("none", SkippedValidatorCounts.Describe([]));
    }
}
