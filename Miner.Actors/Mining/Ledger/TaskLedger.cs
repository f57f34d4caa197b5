using Miner.Actors.Persistence;

namespace Miner.Actors.Mining.Ledger;

/// <summary>
/// The in-flight task ledger (persistence id <c>task-ledger</c>): every pulled task from pull to settlement, so a
/// miner killed with tasks in flight knows after restart which validators hold a task for it and with which prompt.
/// Settled tasks are forgotten. Not yet wired into the router and submitter (see README.durable.md).
/// </summary>
public sealed class TaskLedger : PersistentActor
{
    public const string Id = "task-ledger";

    private readonly Dictionary<string, UnsettledTask> _unsettled = new(StringComparer.Ordinal);
    private readonly List<string> _order = new();

    public TaskLedger(PersistenceStores? stores = null) : base(stores)
    {
        Manifest<TaskPulled>("task-ledger.task-pulled.v1");
        Manifest<TaskSubmitted>("task-ledger.task-submitted.v1");
        Manifest<TaskDeclined>("task-ledger.task-declined.v1");
        Manifest<TaskSettled>("task-ledger.task-settled.v1");
        Recover<ITaskLedgerEvent>(Apply);
        Recover<RecoveryCompleted>(_ =>
        {
            if (_unsettled.Count > 0) Log.Info("{Count} tasks were in flight before the restart", _unsettled.Count);
        });
        Receive<RecordTask>(m => Persist(m.Event, e =>
        {
            Apply(e);
            Sender.Tell(new TaskRecorded(e.TaskId));
        }));
        Receive<GetUnsettledTasks>(_ => Sender.Tell(new UnsettledTasks(_order.Select(id => _unsettled[id]).ToList())));
    }

    public override string PersistenceId => Id;

    private void Apply(ITaskLedgerEvent evt)
    {
        switch (evt)
        {
            case TaskPulled p:
                // A re-pull returns the same assigned task: one entry per task id.
                if (_unsettled.TryAdd(p.TaskId, new UnsettledTask(p, false))) _order.Add(p.TaskId);
                break;
            case TaskSubmitted or TaskDeclined:
                if (_unsettled.TryGetValue(evt.TaskId, out var task)) _unsettled[evt.TaskId] = task with { SubmissionSent = true };
                break;
            case TaskSettled:
                if (_unsettled.Remove(evt.TaskId)) _order.Remove(evt.TaskId);
                break;
        }
    }
}
