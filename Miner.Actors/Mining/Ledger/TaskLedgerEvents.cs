using Miner.Models.Protocol;
using Miner.Actors.Storage;

namespace Miner.Actors.Mining.Ledger;

/// <summary>Something that happened to one pulled task, as the <see cref="TaskLedger"/> journals it.</summary>
public interface ITaskLedgerEvent : IMinerPersistentMessage
{
    string TaskId { get; }
}

/// <summary>
/// A validator assigned us a task. <see cref="Prompt"/> is the text prompt, empty for image tasks (the validator hands
/// the image back on a re-pull, and megabytes of base64 per task would bloat the journal).
/// </summary>
public sealed record TaskPulled(string ValidatorHotkey, int ValidatorUid, string TaskId, TaskKind Kind, string Prompt, DateTimeOffset At) : ITaskLedgerEvent;

/// <summary>A result was sent (the validator's answer may not have arrived).</summary>
public sealed record TaskSubmitted(string TaskId, DateTimeOffset At) : ITaskLedgerEvent;

/// <summary>An empty submission was sent.</summary>
public sealed record TaskDeclined(string TaskId, DateTimeOffset At) : ITaskLedgerEvent;

/// <summary>The validator answered the submission (or refused it for good): the task needs nothing more.</summary>
public sealed record TaskSettled(string TaskId, DateTimeOffset At) : ITaskLedgerEvent;
