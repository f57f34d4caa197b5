using Miner.Models.Splats;
using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;
using Miner.Actors.Mining.Edge;

namespace Miner.Actors.Mining.Scoring;

/// <summary>A poller reports what a pull brought back.</summary>
public sealed record PullReported(ValidatorInfo Validator, PullReply Reply);

/// <summary>The Submitter reports a validator's answer to a submission (<see cref="Declined"/>: an empty one).</summary>
public sealed record SubmissionReported(ValidatorInfo Validator, string TaskId, bool Declined, SubmitReply Reply, DensityBucket? Bucket);

/// <summary>The Submitter gave up on a submission (no answer after its retries, or refused).</summary>
public sealed record SubmissionGivenUp(ValidatorInfo Validator, string TaskId, string Reason, bool TransportFailure);

/// <summary>Blacklist a validator by hand (null <see cref="Until"/>: until removed).</summary>
public sealed record AddToBlacklist(string Hotkey, int Uid, string Reason, DateTimeOffset? Until = null);

/// <summary>Remove a rule or manual blacklisting (configured entries stay: change the configuration for those).</summary>
public sealed record RemoveFromBlacklist(string Hotkey);

/// <summary>
/// Subscribe to <see cref="ValidatorCooldownKnown"/>, <see cref="BlacklistChanged"/> or both: a subscriber names what it
/// handles, so nothing reaches it unhandled.
/// </summary>
public sealed record SubscribeValidatorEvents(IActorRef Subscriber, ValidatorEvents Events);

/// <summary>
/// When a validator may next be pulled from, as learned from the answer to the submission of <see cref="TaskId"/> (or
/// its absence); no task id for cooldowns recovered from the journal.
/// </summary>
public sealed record ValidatorCooldownKnown(string Hotkey, DateTimeOffset Until, string? TaskId = null);

public sealed record BlacklistChanged(string Hotkey, int Uid, bool Blacklisted, string Reason);

public sealed record GetLedgerEntry(string Hotkey);

public sealed record LedgerEntryReply(string Hotkey, ValidatorLedgerEntry? Entry);

/// <summary>Asks for every validator's ledger entry (answered with <see cref="LedgerEntries"/>).</summary>
public sealed record GetLedgerEntries;

public sealed record LedgerEntries(IReadOnlyList<ValidatorLedgerEntry> Entries);

public sealed record GetSuccessRates;

public sealed record SuccessRates(SuccessRate Overall, IReadOnlyDictionary<DensityBucket, SuccessRate> ByBucket);

public sealed record GetBlacklist;

public sealed record BlacklistSnapshot(IReadOnlyCollection<int> Uids, IReadOnlyCollection<string> Hotkeys, IReadOnlyDictionary<string, BlacklistEntry> Dynamic)
{
    public string? ReasonFor(string hotkey, int uid) =>
        Uids.Contains(uid) ? $"uid {uid} is blacklisted by configuration"
        : Hotkeys.Contains(hotkey) ? "hotkey is blacklisted by configuration"
        : Dynamic.TryGetValue(hotkey, out var entry) ? entry.Reason
        : null;
}

public sealed record GetCooldown(string Hotkey);

public sealed record CooldownReply(string Hotkey, DateTimeOffset? Until);
