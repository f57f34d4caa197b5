using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;
using Miner.Actors.Mining.Edge;
using Miner.Models.Splats;

namespace Miner.Actors.Mining.Scoring;

/// <summary>
/// What both score keepers (in memory and persistent) make of a report: the ledger event to record and the
/// cooldown to announce, so the two differ only in whether the event is journaled before it is applied.
/// </summary>
public static class ScoreReports
{
    public static IScoreEvent ForPull(PullReported m, DateTimeOffset now, TimeSpan pollerBackoff)
    {
        var v = m.Validator;
        return m.Reply.Kind switch
        {
            PullReplyKind.Task => new PullRecorded(v.Hotkey, v.Uid, now),
            PullReplyKind.Cooldown => new CooldownObserved(v.Hotkey, v.Uid, now, m.Reply.CooldownUntil!.Value, m.Reply.Violations),
            PullReplyKind.Empty => new CooldownObserved(v.Hotkey, v.Uid, now, now + pollerBackoff, 0),
            _ => new PullFailed(v.Hotkey, v.Uid, now, m.Reply.Error ?? "transport error"),
        };
    }

    /// <summary>The validator answered: the event and the cooldown to announce. Null when it did not (see <see cref="GivenUp"/>).</summary>
    /// <param name="predicted">The self-scoring prediction for the task, kept beside the validator's feedback.</param>
    public static (SubmissionAnswered Event, DateTimeOffset CooldownUntil)? ForAnsweredSubmission(SubmissionReported m, DateTimeOffset now, TimeSpan pollerBackoff,
        double? predicted = null)
    {
        if (m.Reply.Kind is not (SubmitReplyKind.Answered or SubmitReplyKind.NoFeedback)) return null;
        var v = m.Validator;
        // The base miner's rule: without a cooldown in the answer, wait the backoff.
        var until = m.Reply.CooldownUntil is { } c && c > now ? c : now + (m.Reply.Feedback is null ? pollerBackoff : TimeSpan.Zero);
        return (new SubmissionAnswered(v.Hotkey, v.Uid, now, m.TaskId, m.Declined, m.Reply.Feedback, m.Reply.CooldownUntil, m.Bucket,
            m.Declined ? null : predicted), until);
    }

    /// <summary>A submission the validator refused or never answered counts as given up.</summary>
    public static SubmissionGivenUp GivenUp(SubmissionReported m) =>
        new(m.Validator, m.TaskId, m.Reply.Error ?? m.Reply.Kind.ToString(), m.Reply.Kind == SubmitReplyKind.TransportError);

    public static SubmissionAbandoned ForGivenUp(SubmissionGivenUp m, DateTimeOffset now) =>
        new(m.Validator.Hotkey, m.Validator.Uid, now, m.TaskId, m.Reason, m.TransportFailure);

    public static ValidatorBlacklisted ForManualAdd(AddToBlacklist m, DateTimeOffset now) =>
        new(m.Hotkey, m.Uid, now, m.Until, $"manual: {m.Reason}", Manual: true);

    /// <summary>The message subscribers get when an applied event changes the blacklist; null for other events.</summary>
    public static BlacklistChanged? BlacklistChange(IScoreEvent evt, ScoreLedger ledger) => evt switch
    {
        ValidatorBlacklisted b => new BlacklistChanged(b.Hotkey, b.Uid, true, b.Reason),
        ValidatorRestored r => new BlacklistChanged(r.Hotkey, ledger.Entry(r.Hotkey)?.Uid ?? -1, false, r.Reason),
        _ => null,
    };

    /// <summary>A validator's score beside the self-scoring prediction for the same task, when there was one.</summary>
    public static void LogPrediction(ILoggingAdapter log, IScoreEvent evt)
    {
        if (evt is SubmissionAnswered { PredictedScore: { } predicted, Feedback: { } feedback, Declined: false } answered)
            log.Info("{Hotkey} scored {TaskId} {Actual:0.###}; self-scoring had predicted {Predicted:0.###}",
                answered.Hotkey, answered.TaskId, feedback.TaskFidelityScore, predicted);
    }

    public static void LogBlacklistChange(ILoggingAdapter log, IScoreEvent evt)
    {
        if (evt is ValidatorBlacklisted b)
            log.Warning("blacklisted {Hotkey} (uid {Uid}) until {Until}: {Reason}", b.Hotkey, b.Uid, b.Until?.ToString("u") ?? "removed by hand", b.Reason);
        else if (evt is ValidatorRestored r)
            log.Info("{Hotkey} is no longer blacklisted: {Reason}", r.Hotkey, r.Reason);
    }

    public static SuccessRates Rates(ScoreLedger ledger) =>
        new(ledger.Overall, Enum.GetValues<DensityBucket>().ToDictionary(b => b, ledger.ForBucket));

    public static BlacklistSnapshot Blacklist(ScoreLedger ledger) =>
        new(ledger.ConfiguredUids.ToArray(), ledger.ConfiguredHotkeys.ToArray(), ledger.DynamicBlacklist);

    public static string Describe(ScoreLedger ledger) =>
        $"{ledger.Hotkeys.Count()} validators, overall {ledger.Overall}, {ledger.DynamicBlacklist.Count} blacklisted by rule or hand";
}
