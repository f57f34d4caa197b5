using Miner.Models.Splats;
using Miner.Models.Protocol;
using Miner.Actors.Storage;

namespace Miner.Actors.Mining.Scoring;

/// <summary>
/// Something that happened to a validator, as the <see cref="ScoreLedger"/> records it. Events are facts (they are
/// what a journal would store): applying the same sequence to a fresh ledger rebuilds the same state.
/// </summary>
public interface IScoreEvent : IMinerPersistentMessage
{
    string Hotkey { get; }
    DateTimeOffset At { get; }
}

public sealed record PullRecorded(string Hotkey, int Uid, DateTimeOffset At) : IScoreEvent;

public sealed record PullFailed(string Hotkey, int Uid, DateTimeOffset At, string Reason) : IScoreEvent;

public sealed record CooldownObserved(string Hotkey, int Uid, DateTimeOffset At, DateTimeOffset Until, long Violations) : IScoreEvent;

/// <summary>The validator answered a submission; <see cref="Declined"/> is an empty one.</summary>
/// <remarks><see cref="PredictedScore"/>: the validation service's score of what was submitted, when self-scoring ran
/// (absent in events journaled before it existed, which read as null).</remarks>
public sealed record SubmissionAnswered(
    string Hotkey, int Uid, DateTimeOffset At, string TaskId, bool Declined, Feedback? Feedback, DateTimeOffset? CooldownUntil,
    DensityBucket? Bucket, double? PredictedScore = null) : IScoreEvent;

/// <summary>A submission got no answer after its retries, or was refused.</summary>
public sealed record SubmissionAbandoned(string Hotkey, int Uid, DateTimeOffset At, string TaskId, string Reason, bool TransportFailure) : IScoreEvent;

/// <summary>Blacklisted until <see cref="Until"/> (null: until removed by hand).</summary>
public sealed record ValidatorBlacklisted(string Hotkey, int Uid, DateTimeOffset At, DateTimeOffset? Until, string Reason, bool Manual) : IScoreEvent;

public sealed record ValidatorRestored(string Hotkey, DateTimeOffset At, string Reason) : IScoreEvent;
