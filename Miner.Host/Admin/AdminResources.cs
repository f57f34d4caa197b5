using Miner.Actors.Akka.Introspection;
using Miner.Actors.Generation;
using Miner.Models.Protocol;

namespace Miner.Host.Admin;

// The JSON the admin endpoint answers (System.Text.Json, camelCase) and `miner ctl` reads back.

/// <summary>Every refusal: one line, never a stack trace.</summary>
public sealed record AdminError(string Error);

/// <summary>One actor of the introspection tree; <see cref="Children"/> is cut at the requested depth (<see cref="ChildCount"/> still counts them).</summary>
public sealed record ActorRow(
    string Path, string Type, string State, int Mailbox, int? Stash, int Restarts, IReadOnlyList<string> Timers,
    int ChildCount, IReadOnlyList<ActorRow> Children, IReadOnlyList<UnresponsiveActor> Unresponsive)
{
    public static ActorRow From(ActorReport report, int? depth) => new(
        report.Path, report.ActorType, report.State, report.MailboxDepth, report.StashSize, report.Restarts, report.Timers,
        report.Children.Count + report.Unresponsive.Count,
        depth is <= 0 ? [] : report.Children.Select(c => From(c, depth - 1)).ToList(),
        depth is <= 0 ? [] : report.Unresponsive);
}

/// <summary>
/// One validator as the miner sees it: the metagraph's uid, hotkey and stake (null stake: no longer eligible, known
/// from the ledger only), the ScoreKeeper's cooldown, ban and counters.
/// </summary>
public sealed record ValidatorRow(
    int Uid, string Hotkey, double? StakeTao, bool Eligible, DateTimeOffset? CooldownUntil,
    bool Banned, string? BanReason, DateTimeOffset? BanUntil,
    int Pulls, int Accepted, int Declined, int Failed, int Abandoned, long Violations, double? MeanScore, Feedback? LastFeedback);

public sealed record ValidatorsBody(IReadOnlyList<ValidatorRow> Validators, DateTimeOffset? MetagraphSyncedAt);

/// <summary>A task in flight: stage, card, seconds since the pull, and the card's attempt when the card is on it now.</summary>
public sealed record TaskRow(
    string TaskId, int ValidatorUid, string ValidatorHotkey, string Kind, string Stage, string? Gpu, DateTimeOffset PulledAt,
    double ElapsedSeconds, int? Attempt);

public sealed record TasksBody(IReadOnlyList<TaskRow> Tasks, int OpenSlots, int PullsInFlight, int AvailableValidators);

/// <summary>The cards that answered, and the names of those that did not within the ask timeout.</summary>
public sealed record GpusBody(IReadOnlyList<GpuStatus> Gpus, IReadOnlyList<string> Unanswered);

/// <summary>One blacklisted validator (by configuration, by rule or by hand).</summary>
public sealed record BlacklistRow(int Uid, string Hotkey, string Reason, DateTimeOffset? Until);

public sealed record BlacklistBody(IReadOnlyList<BlacklistRow> Blacklist);

/// <summary>The answer to drain and resume: whether the router pulls now, and the tasks still in flight.</summary>
public sealed record PullingBody(bool Pulling, int InFlight);
