namespace Miner.Actors.Generation;

/// <summary>Asks a <see cref="GenerationActor"/> for its <see cref="GpuStatus"/> (operator CLI, devnet table).</summary>
public sealed record GpuStatusQuery
{
    public static GpuStatusQuery Instance { get; } = new();
}

/// <summary>
/// One card's state: healthy or quarantined, the task it is working on (null when idle), the stage it is in and
/// the attempt, how many tasks wait in its queue, and its totals since start.
/// </summary>
public sealed record GpuStatus(
    string Gpu,
    bool Healthy,
    string? CurrentTaskId,
    string? CurrentStage,
    int CurrentAttempt,
    int Queued,
    int Completed,
    int Declined,
    int ConsecutiveFailures);
