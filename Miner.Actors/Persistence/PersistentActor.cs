using Miner.Actors.Storage;
using Miner.Actors.Kernel;

namespace Miner.Actors.Persistence;

/// <summary>
/// An event-sourced actor with Akka.Persistence semantics (checklist rows 32-34). Its state is rebuilt on start
/// and on every restart from the latest snapshot and the events after it (<see cref="Recover{T}(Action{T})"/>
/// handlers, <see cref="RecoveryCompleted"/> last); commands that arrive meanwhile wait in an internal stash.
/// <see cref="Persist{TEvent}"/> writes an event and runs its handler once the write is durable, with the
/// command's original sender and no other command in between; <see cref="PersistAsync{TEvent}"/> does not hold
/// commands back. Journal work runs off the actor's thread and comes back as a message: no handler blocks.
/// A failed write stops the actor (nobody knows whether it landed; restart it with a BackoffSupervisor in OnStop
/// mode), a rejected one (unserialisable event) calls <see cref="OnPersistRejected"/> and the actor goes on, and a
/// failed recovery stops it. The stores come from <see cref="PersistenceExtension"/> unless given to the constructor.
/// </summary>
public abstract partial class PersistentActor : ReceiveActor
{
    /// <summary>Events read from the journal per replay round trip.</summary>
    internal const int ReplayPageSize = 256;

    private readonly object _incarnation = new(); // signals of a previous incarnation are dropped
    private readonly PersistenceStores _stores;
    private readonly EventSerializer _serializer = new();
    private readonly List<Func<object, bool>> _recoveryHandlers = new();
    private readonly List<Envelope> _internalStash = new();
    private Phase _phase = Phase.Recovering;

    protected PersistentActor(PersistenceStores? stores = null)
    {
        _stores = stores ?? PersistenceExtension.Get(Context.System);
    }

    private enum Phase
    {
        Recovering,
        Processing,
        Stopped,
    }

    /// <summary>The stream this actor writes; stable across restarts and process runs (e.g. <c>scorekeeper</c>).</summary>
    public abstract string PersistenceId { get; }

    /// <summary>The sequence number of the last event replayed or written (0 before any).</summary>
    public long LastSequenceNr { get; private set; }

    /// <summary>The sequence number of the snapshot recovery started from (0 if none).</summary>
    public long SnapshotSequenceNr { get; private set; }

    /// <summary>True until <see cref="RecoveryCompleted"/> was delivered.</summary>
    protected bool IsRecovering => _phase == Phase.Recovering;

    /// <summary>Events between automatic snapshots of <see cref="SnapshotState"/> (from the stores; 0 = never).</summary>
    protected int SnapshotEvery => _stores.SnapshotEvery;

    /// <summary>Names an event or snapshot type in the journal. Register every type you persist or snapshot, in the constructor.</summary>
    protected void Manifest<T>(string manifest) => _serializer.Register<T>(manifest);

    /// <summary>Registers every row of a manifest table (the actor's static list, shared with Akka's serializer).</summary>
    protected void Manifests(IEnumerable<ManifestBinding> table) => _serializer.Register(table);

    /// <summary>Handles a replayed event, a <see cref="SnapshotOffer"/> or <see cref="RecoveryCompleted"/>.</summary>
    protected void Recover<T>(Action<T> handler) => Recover(null, handler);

    protected void Recover<T>(Predicate<T>? when, Action<T> handler) => _recoveryHandlers.Add(message =>
    {
        if (message is not T typed || (when is not null && !when(typed))) return false;
        handler(typed);
        return true;
    });

    /// <summary>The state to snapshot every <see cref="SnapshotEvery"/> events; null (the default) takes no automatic snapshots.</summary>
    protected virtual object? SnapshotState() => null;

    /// <summary>A write failed: the event may or may not be stored. The actor stops right after this call.</summary>
    protected virtual void OnPersistFailure(Exception cause, object @event, long sequenceNr) =>
        Log.Error(cause, "{PersistenceId}: writing event {SequenceNr} ({EventType}) failed; stopping", PersistenceId, sequenceNr, @event.GetType().Name);

    /// <summary>The journal refused an event (nothing was written); its handler does not run and the actor continues.</summary>
    protected virtual void OnPersistRejected(Exception cause, object @event, long sequenceNr) =>
        Log.Warning("{PersistenceId}: event {SequenceNr} ({EventType}) rejected: {Reason}", PersistenceId, sequenceNr, @event.GetType().Name, cause.Message);

    /// <summary>Recovery failed (unreadable store, unknown manifest, a throwing recovery handler). The actor stops right after.</summary>
    protected virtual void OnRecoveryFailure(Exception cause) =>
        Log.Error(cause, "{PersistenceId}: recovery failed; stopping: {Reason}", PersistenceId, cause.Message);

    internal override void InvokePreStart()
    {
        base.InvokePreStart();
        StartRecovery();
    }

    internal override void InvokePostRestart(Exception reason)
    {
        base.InvokePostRestart(reason);
        StartRecovery();
    }

    internal override void InvokePreRestart(Exception reason, object? message)
    {
        try
        {
            base.InvokePreRestart(reason, message);
        }
        finally
        {
            UnstashAllInternally(); // the next incarnation handles them after its recovery
        }
    }

    internal override void InvokePostStop()
    {
        try
        {
            base.InvokePostStop();
        }
        finally
        {
            _phase = Phase.Stopped;
            UnstashAllInternally(); // the closing mailbox turns them into dead letters
        }
    }

    internal override void Dispatch(object message)
    {
        if (message is Signal signal)
        {
            if (!ReferenceEquals(signal.Incarnation, _incarnation) || _phase == Phase.Stopped) return;
            HandleSignal(signal);
            FlushBatch();
            return;
        }
        if (_phase == Phase.Stopped) return;
        if (_phase == Phase.Recovering || _pendingStashing > 0)
        {
            StashInternally();
            return;
        }
        try
        {
            base.Dispatch(message);
        }
        catch
        {
            DiscardBatch(); // the command failed: what it meant to persist is not written
            throw;
        }
        FlushBatch();
    }

    private ActorCell Cell => (ActorCell)Context;

    private void HandleSignal(Signal signal)
    {
        switch (signal)
        {
            case RecoveryLoaded loaded:
                OnRecoveryLoaded(loaded);
                break;
            case ReplayedPage page:
                OnReplayedPage(page);
                break;
            case RecoveryReadFailed failed:
                FailRecovery(new PersistenceRecoveryException(PersistenceId, LastSequenceNr + 1, null,
                    $"the store failed while {failed.Doing}: {failed.Cause.Message}", failed.Cause));
                break;
            case WriteFinished finished:
                OnWriteFinished(finished);
                break;
        }
    }

    private void StashInternally()
    {
        var capacity = Cell.Props.StashCapacity ?? Context.System.Settings.DefaultStashCapacity;
        if (_internalStash.Count >= capacity)
            throw new StashOverflowException($"{Self.Path}: {_internalStash.Count} commands wait for recovery or a write (capacity {capacity})");
        _internalStash.Add(Cell.CurrentEnvelopeForStash());
    }

    private void UnstashAllInternally()
    {
        if (_internalStash.Count == 0) return;
        Cell.Mailbox.Prepend(_internalStash.ToArray());
        _internalStash.Clear();
    }

    private abstract record Signal(object Incarnation);

    private sealed record RecoveryLoaded(object Incarnation, SnapshotEntry? Snapshot, long HighestSequenceNr) : Signal(Incarnation);

    private sealed record ReplayedPage(object Incarnation, IReadOnlyList<JournalEntry> Entries) : Signal(Incarnation);

    private sealed record RecoveryReadFailed(object Incarnation, string Doing, Exception Cause) : Signal(Incarnation);

    private sealed record WriteFinished(object Incarnation, long BatchId, Exception? Error) : Signal(Incarnation);
}
