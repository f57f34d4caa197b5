namespace Miner.Actors.Mining.Ledger;

/// <summary>Journal <see cref="Event"/>; the ledger replies <see cref="TaskRecorded"/> once it is written.</summary>
public sealed record RecordTask(ITaskLedgerEvent Event);

public sealed record TaskRecorded(string TaskId);

/// <summary>Asks for the tasks pulled and not settled; replied with <see cref="UnsettledTasks"/>.</summary>
public sealed record GetUnsettledTasks;

/// <summary>Pulled and not settled, oldest first.</summary>
public sealed record UnsettledTasks(IReadOnlyList<UnsettledTask> Tasks);

/// <summary>One task pulled and not settled, with when a (possibly empty) submission was sent, if one was.</summary>
public sealed record UnsettledTask(TaskPulled Pulled, DateTimeOffset? SubmissionSentAt)
{
    public bool SubmissionSent => SubmissionSentAt is not null;
}
