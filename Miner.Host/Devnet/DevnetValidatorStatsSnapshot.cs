namespace Miner.Host.Devnet;

/// <summary>
/// One devnet validator's counters at a moment. <see cref="Failed"/> = penalised + validation failed;
/// <see cref="Penalties"/> counts cooldown penalties (bad licence signature or score under the threshold).
/// </summary>
/// <param name="Pulls">Every PullTask that reached the handler.</param>
/// <param name="TasksAssigned">New tasks handed out.</param>
/// <param name="TasksReissued">Pulls answered with the task already assigned.</param>
/// <param name="CooldownViolations">Pulls while on cooldown.</param>
/// <param name="UnknownHotkeys">Pulls and submissions from hotkeys the devnet metagraph does not know.</param>
/// <param name="Submissions">SubmitResults that passed the blacklist and verification.</param>
/// <param name="Declined">Empty submissions (no penalty).</param>
/// <param name="FeedbackOnly">Wrong task id, validation lock or resubmit guard: feedback, task kept.</param>
/// <param name="Blacklisted">403 answers to submissions.</param>
/// <param name="InjectedErrors">500 answers from the flaky behaviour.</param>
/// <param name="Hung">Requests the hanging behaviour never answered.</param>
/// <param name="Requests">Verified PullTask and SubmitResults requests that reached the handlers (before any misbehaviour).</param>
public sealed record DevnetValidatorStatsSnapshot(
    long Pulls, long TasksAssigned, long TasksReissued, long CooldownViolations, long UnknownHotkeys, long Submissions, long Accepted,
    long Declined, long Penalised, long ValidationFailed, long FeedbackOnly, long Blacklisted, long InjectedErrors, long Hung, long Requests,
    double MeanAcceptedScore)
{
    public long Failed => Penalised + ValidationFailed;

    public long Penalties => Penalised;
}
