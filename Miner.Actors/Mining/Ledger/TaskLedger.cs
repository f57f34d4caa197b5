using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Storage;

namespace Miner.Actors.Mining.Ledger;

/// <summary>
/// The in-flight task ledger (persistence id <c>task-ledger</c>): every pulled task from pull to settlement, so a
/// miner killed with tasks in flight knows after restart which validators hold a task for it. Settled tasks are
/// forgotten, and so is a validator's older task once it hands out a new one (the old one cannot be pending any
/// more): the ledger holds at most one task per validator. The router records pulls and settlements; the Submitter
/// records a submission before it sends it (write-ahead), so a crash between the send and the answer is known after
/// restart. Each snapshot deletes the events it covers, so the journal stays small however long the miner runs.
/// </summary>
public sealed class TaskLedger : IntrospectivePersistentActor
{
    public const string Id = "task-ledger";

    /// <summary>The names the ledger's events and snapshot are stored under; Akka's <c>MinerJsonSerializer</c> reads the same table.</summary>
    public static readonly IReadOnlyList<ManifestBinding> ManifestTable =
    [
        ManifestBinding.Of<TaskPulled>("task-ledger.task-pulled.v1"),
        ManifestBinding.Of<TaskSubmitted>("task-ledger.task-submitted.v1"),
        ManifestBinding.Of<TaskDeclined>("task-ledger.task-declined.v1"),
        ManifestBinding.Of<TaskSettled>("task-ledger.task-settled.v1"),
        ManifestBinding.Of<TaskLedgerState>("task-ledger.state.v1"),
    ];

    private readonly Dictionary<string, UnsettledTask> _unsettled = new(StringComparer.Ordinal);
    private readonly List<string> _order = new();
    private readonly int _snapshotEvery;

    /// <param name="snapshotEvery">A snapshot (which deletes the events it covers) every this many events; 0 = never.</param>
    public TaskLedger(int snapshotEvery = PersistenceOptions.DefaultSnapshotEvery)
    {
        _snapshotEvery = snapshotEvery;
        Recover<ITaskLedgerEvent>(Apply);
        Recover<SnapshotOffer>(offer =>
        {
            foreach (var task in ((TaskLedgerState)offer.Snapshot).Tasks)
            {
                _unsettled[task.Pulled.TaskId] = task;
                _order.Add(task.Pulled.TaskId);
            }
        });
        Recover<RecoveryCompleted>(_ =>
        {
            if (_unsettled.Count > 0) Log.Info("{Count} tasks were in flight before the restart", _unsettled.Count);
        });
        Command<RecordTask>(m => Persist(m.Event, e =>
        {
            Apply(e);
            if (_snapshotEvery > 0 && LastSequenceNr % _snapshotEvery == 0) SaveSnapshot(new TaskLedgerState(Unsettled()));
            Sender.Tell(new TaskRecorded(e.TaskId));
        }));
        Command<GetUnsettledTasks>(_ => Sender.Tell(new UnsettledTasks(Unsettled())));
        Command<SaveSnapshotSuccess>(m => DeleteMessages(m.Metadata.SequenceNr));
        Command<SaveSnapshotFailure>(f => Log.Warning("snapshot of the task ledger failed: {Reason}", f.Cause.Message));
        Command<DeleteMessagesSuccess>(_ => { });
        Command<DeleteMessagesFailure>(f => Log.Warning("deleting the task ledger's old events failed: {Reason}", f.Cause.Message));
    }

    public override string PersistenceId => Id;

    protected override string DescribeState() => $"{_unsettled.Count} tasks pulled and not settled";

    private List<UnsettledTask> Unsettled() => _order.Select(id => _unsettled[id]).ToList();

    private void Apply(ITaskLedgerEvent evt)
    {
        switch (evt)
        {
            case TaskPulled p:
                // A re-pull returns the same assigned task: one entry per task id.
                if (_unsettled.ContainsKey(p.TaskId)) break;
                foreach (var older in _order.Where(id => _unsettled[id].Pulled.ValidatorHotkey == p.ValidatorHotkey).ToList())
                {
                    _unsettled.Remove(older);
                    _order.Remove(older);
                }
                _unsettled[p.TaskId] = new UnsettledTask(p, null);
                _order.Add(p.TaskId);
                break;
            case TaskSubmitted s:
                if (_unsettled.TryGetValue(s.TaskId, out var submitted)) _unsettled[s.TaskId] = submitted with { SubmissionSentAt = s.At };
                break;
            case TaskDeclined d:
                if (_unsettled.TryGetValue(d.TaskId, out var declined)) _unsettled[d.TaskId] = declined with { SubmissionSentAt = d.At };
                break;
            case TaskSettled:
                if (_unsettled.Remove(evt.TaskId)) _order.Remove(evt.TaskId);
                break;
        }
    }
}
