using Miner.Actors.Mining.Routing;

namespace Miner.Specs.Mining;

public sealed class PickPolicySpec
{
    private static PickCandidate C(int uid, double stake, int scored = 0, int accepted = 0) => new($"hk{uid}", uid, stake, scored, accepted);

    [Fact]
    public void Round_robin_takes_validators_in_uid_order_and_wraps()
    {
        var policy = new RoundRobinPickPolicy();
        var all = new[] { C(5, 1), C(1, 1), C(3, 1) };
        Assert.Equal([1, 3, 5, 1], Enumerable.Range(0, 4).Select(_ => policy.Pick(all).Uid));
    }

    [Fact]
    public void Stake_weighted_picks_in_proportion_to_stake_times_acceptance()
    {
        var policy = new StakeWeightedPickPolicy();
        var all = new[] { C(0, 3000), C(1, 1000) };
        var counts = Enumerable.Range(0, 400).Select(_ => policy.Pick(all).Uid).GroupBy(u => u).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(300, counts[0]);
        Assert.Equal(100, counts[1]);
    }

    [Fact]
    public void Stake_weighted_prefers_a_validator_that_accepts_our_results()
    {
        var policy = new StakeWeightedPickPolicy();
        var all = new[] { C(0, 1000, scored: 20, accepted: 0), C(1, 1000, scored: 20, accepted: 20) };
        var counts = Enumerable.Range(0, 1000).Select(_ => policy.Pick(all).Uid).GroupBy(u => u).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(counts[1] > 10 * counts[0], $"accepting validator picked {counts[1]} times, the other {counts[0]}");
    }

    [Fact]
    public void Stake_weighted_never_starves_a_tiny_validator()
    {
        var policy = new StakeWeightedPickPolicy();
        var all = new[] { C(0, 1_000_000), C(1, 1) };
        var picks = Enumerable.Range(0, 100).Select(_ => policy.Pick(all).Uid).ToList();
        Assert.Contains(1, picks);
    }

    [Fact]
    public void Every_fifth_pick_goes_to_the_owner_validator_when_it_is_available()
    {
        var policy = new OwnerPreferencePickPolicy(new RoundRobinPickPolicy(), "hk9", 5);
        var all = new[] { C(1, 1), C(2, 1), C(9, 1) };
        var picks = Enumerable.Range(0, 10).Select(_ => policy.Pick(all).Uid).ToList();
        Assert.Equal(9, picks[4]);
        Assert.Equal(9, picks[9]);
        var withoutOwner = new[] { C(1, 1), C(2, 1) };
        Assert.All(Enumerable.Range(0, 5).Select(_ => policy.Pick(withoutOwner).Uid), uid => Assert.NotEqual(9, uid));
    }
}
