using Miner.Actors.Mining;
using Miner.Actors.Mining.Scoring;
using Miner.Models.Protocol;
using Miner.Models.Splats;

namespace Miner.Specs.Mining;

public sealed class ScoreLedgerSpec
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Feedback Accepted = new() { TaskFidelityScore = 0.8 };
    private static readonly Feedback Rejected = new() { TaskFidelityScore = 0 };

    private static BlacklistOptions Rules() => new() { NoAcceptWindow = 4, ProbationWindow = 2, Period = TimeSpan.FromHours(1), MaxPeriod = TimeSpan.FromHours(3), TransportFailures = 3 };

    private static SubmissionAnswered Scored(string hotkey, DateTimeOffset at, Feedback feedback, DensityBucket? bucket = null) =>
        new(hotkey, 7, at, Guid.NewGuid().ToString(), false, feedback, at.AddSeconds(300), bucket);

    /// <summary>Applies an event and, like the ScoreKeeper, any blacklisting the rules then call for.</summary>
    private static void ApplyWithRules(ScoreLedger ledger, IScoreEvent evt)
    {
        ledger.Apply(evt);
        if (ledger.RuleDecision(evt.Hotkey, evt.At) is { } decision) ledger.Apply(decision);
    }

    [Fact]
    public void No_accepted_result_in_the_window_blacklists_for_the_period()
    {
        var ledger = new ScoreLedger(Rules());
        for (var i = 0; i < 3; i++) ApplyWithRules(ledger, Scored("v", T0.AddMinutes(i), Rejected));
        Assert.Null(ledger.BlacklistReason("v", 7));
        ApplyWithRules(ledger, Scored("v", T0.AddMinutes(3), Rejected));
        Assert.Contains("no accepted result in the last 4", ledger.BlacklistReason("v", 7));
        Assert.Equal(T0.AddMinutes(3).AddHours(1), ledger.Entry("v")!.Blacklist!.Until);
    }

    [Fact]
    public void Declines_do_not_count_towards_the_no_accept_rule()
    {
        var ledger = new ScoreLedger(Rules());
        for (var i = 0; i < 10; i++)
            ApplyWithRules(ledger, new SubmissionAnswered("v", 7, T0.AddMinutes(i), $"t{i}", true, Rejected, T0.AddMinutes(i + 5), null));
        Assert.Null(ledger.BlacklistReason("v", 7));
        Assert.Equal(10, ledger.Entry("v")!.Declines);
    }

    [Fact]
    public void One_accepted_result_in_the_window_keeps_the_validator()
    {
        var ledger = new ScoreLedger(Rules());
        ApplyWithRules(ledger, Scored("v", T0, Accepted));
        for (var i = 1; i < 4; i++) ApplyWithRules(ledger, Scored("v", T0.AddMinutes(i), Rejected));
        Assert.Null(ledger.BlacklistReason("v", 7));
    }

    [Fact]
    public void A_blacklisting_expires_and_probation_uses_the_shorter_window_and_a_doubled_period()
    {
        var ledger = new ScoreLedger(Rules());
        for (var i = 0; i < 4; i++) ApplyWithRules(ledger, Scored("v", T0.AddMinutes(i), Rejected));
        Assert.Empty(ledger.Expired(T0.AddMinutes(30)));
        var later = T0.AddHours(2);
        foreach (var restored in ledger.Expired(later)) ledger.Apply(restored);
        Assert.Null(ledger.BlacklistReason("v", 7));
        Assert.True(ledger.Entry("v")!.OnProbation);
        ApplyWithRules(ledger, Scored("v", later, Rejected));
        Assert.Null(ledger.BlacklistReason("v", 7));
        ApplyWithRules(ledger, Scored("v", later.AddMinutes(1), Rejected));
        Assert.Contains("on probation", ledger.BlacklistReason("v", 7));
        Assert.Equal(later.AddMinutes(1).AddHours(2), ledger.Entry("v")!.Blacklist!.Until);
    }

    [Fact]
    public void An_accepted_result_ends_probation()
    {
        var ledger = new ScoreLedger(Rules());
        for (var i = 0; i < 4; i++) ApplyWithRules(ledger, Scored("v", T0.AddMinutes(i), Rejected));
        foreach (var restored in ledger.Expired(T0.AddHours(2))) ledger.Apply(restored);
        ApplyWithRules(ledger, Scored("v", T0.AddHours(2), Accepted));
        Assert.False(ledger.Entry("v")!.OnProbation);
        for (var i = 0; i < 3; i++) ApplyWithRules(ledger, Scored("v", T0.AddHours(3).AddMinutes(i), Rejected));
        Assert.Null(ledger.BlacklistReason("v", 7));
    }

    [Fact]
    public void Repeated_transport_failures_blacklist_and_a_success_resets_the_count()
    {
        var ledger = new ScoreLedger(Rules());
        ApplyWithRules(ledger, new PullFailed("v", 7, T0, "timeout"));
        ApplyWithRules(ledger, new PullFailed("v", 7, T0, "timeout"));
        ApplyWithRules(ledger, new PullRecorded("v", 7, T0));
        ApplyWithRules(ledger, new PullFailed("v", 7, T0, "timeout"));
        ApplyWithRules(ledger, new SubmissionAbandoned("v", 7, T0, "t", "no answer", true));
        Assert.Null(ledger.BlacklistReason("v", 7));
        ApplyWithRules(ledger, new PullFailed("v", 7, T0, "timeout"));
        Assert.Contains("3 transport failures", ledger.BlacklistReason("v", 7));
    }

    [Fact]
    public void Configured_uids_and_hotkeys_are_blacklisted_and_never_expire()
    {
        var options = Rules();
        options.Uids.Add(180);
        options.Hotkeys.Add("bad");
        var ledger = new ScoreLedger(options);
        Assert.Contains("uid 180", ledger.BlacklistReason("any", 180));
        Assert.Contains("configuration", ledger.BlacklistReason("bad", 3));
        Assert.Empty(ledger.Expired(T0.AddYears(1)));
    }

    [Fact]
    public void A_manual_blacklisting_without_end_stays_until_removed()
    {
        var ledger = new ScoreLedger(Rules());
        ledger.Apply(new ValidatorBlacklisted("v", 7, T0, null, "manual: operator", true));
        Assert.Empty(ledger.Expired(T0.AddYears(1)));
        ledger.Apply(new ValidatorRestored("v", T0.AddDays(1), "removed by hand"));
        Assert.Null(ledger.BlacklistReason("v", 7));
        Assert.False(ledger.Entry("v")!.OnProbation);
    }

    [Fact]
    public void Success_rate_is_kept_overall_and_by_density_bucket()
    {
        var ledger = new ScoreLedger(Rules());
        ledger.Apply(Scored("a", T0, Accepted, DensityBucket.Sparse));
        ledger.Apply(Scored("a", T0, Rejected, DensityBucket.Sparse));
        ledger.Apply(Scored("b", T0, Accepted, DensityBucket.Dense));
        Assert.Equal(new SuccessRate(3, 2), ledger.Overall);
        Assert.Equal(new SuccessRate(2, 1), ledger.ForBucket(DensityBucket.Sparse));
        Assert.Equal(new SuccessRate(1, 1), ledger.ForBucket(DensityBucket.Dense));
        Assert.Equal(new SuccessRate(0, 0), ledger.ForBucket(DensityBucket.Medium));
    }

    [Fact]
    public void The_ledger_keeps_pulls_cooldowns_scores_and_the_last_feedback()
    {
        var ledger = new ScoreLedger(Rules());
        ledger.Apply(new PullRecorded("v", 7, T0));
        ledger.Apply(new CooldownObserved("v", 7, T0, T0.AddSeconds(250), 2));
        ledger.Apply(Scored("v", T0, Accepted with { CurrentDuelRating = 1510 }));
        ledger.Apply(Scored("v", T0, Rejected));
        var entry = ledger.Entry("v")!;
        Assert.Equal((1, 2, 1, 1, 2L), (entry.Pulls, entry.Submissions, entry.Accepted, entry.Failed, entry.Violations));
        Assert.Equal(0.4, entry.AverageScore!.Value, 6);
        Assert.Equal(0, entry.LastScore);
        Assert.Equal(0, entry.LastFeedback!.CurrentDuelRating);
        Assert.Equal(T0.AddSeconds(300), entry.CooldownUntil);
    }

    [Fact]
    public void Replaying_the_same_events_rebuilds_the_same_state()
    {
        var events = new List<IScoreEvent>();
        var ledger = new ScoreLedger(Rules());
        void Record(IScoreEvent e)
        {
            events.Add(e);
            ledger.Apply(e);
            if (ledger.RuleDecision(e.Hotkey, e.At) is { } d)
            {
                events.Add(d);
                ledger.Apply(d);
            }
        }
        for (var i = 0; i < 6; i++) Record(Scored("v", T0.AddMinutes(i), i % 3 == 0 ? Accepted : Rejected, DensityBucket.Medium));
        for (var i = 0; i < 4; i++) Record(Scored("w", T0.AddMinutes(i), Rejected));
        var replayed = new ScoreLedger(Rules());
        foreach (var e in events) replayed.Apply(e);
        Assert.Equal(ledger.Entry("v"), replayed.Entry("v"));
        Assert.Equal(ledger.Entry("w"), replayed.Entry("w"));
        Assert.Equal(ledger.Overall, replayed.Overall);
    }
}
