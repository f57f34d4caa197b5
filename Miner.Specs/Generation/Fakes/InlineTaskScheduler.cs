namespace Miner.Specs.Generation.Fakes;

/// <summary>Runs CPU work synchronously where it is queued, so specs in virtual time need no real threads.</summary>
public sealed class InlineTaskScheduler : TaskScheduler
{
    public static InlineTaskScheduler Instance { get; } = new();

    protected override void QueueTask(Task task) => TryExecuteTask(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => [];
}
