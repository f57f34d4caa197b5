using Miner.Actors.Storage;
using Miner.Actors.Kernel;

namespace Miner.Actors.Persistence;

/// <summary>
/// Writing: the events a message persists form one atomic batch, written after its handler returns; batches are
/// written one at a time, in order, and their handlers (and deferred ones) run in call order when each completes.
/// </summary>
public abstract partial class PersistentActor
{
    private readonly List<Invocation> _batch = new();
    private readonly Queue<Invocation> _pending = new();
    private readonly Queue<WriteBatch> _writes = new();
    private int _pendingStashing;
    private bool _writeInFlight;
    private long _nextSequenceNr;
    private long _batchIds;
    private long _lastSnapshotAt;

    /// <summary>Writes <paramref name="event"/>, then runs <paramref name="handler"/> with the command's sender; commands wait meanwhile.</summary>
    protected void Persist<TEvent>(TEvent @event, Action<TEvent> handler) where TEvent : notnull => Add(@event, handler, stashing: true);

    /// <summary>Writes the events atomically, then runs <paramref name="handler"/> for each in order; commands wait meanwhile.</summary>
    protected void PersistAll<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler) where TEvent : notnull
    {
        foreach (var @event in events) Add(@event, handler, stashing: true);
    }

    /// <summary>Like <see cref="Persist{TEvent}"/>, but later commands are handled while the write is under way.</summary>
    protected void PersistAsync<TEvent>(TEvent @event, Action<TEvent> handler) where TEvent : notnull => Add(@event, handler, stashing: false);

    protected void PersistAllAsync<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler) where TEvent : notnull
    {
        foreach (var @event in events) Add(@event, handler, stashing: false);
    }

    /// <summary>Runs <paramref name="handler"/> after every persist called before it has completed, without storing anything.</summary>
    protected void DeferAsync<TEvent>(TEvent @event, Action<TEvent> handler) where TEvent : notnull
    {
        CheckMayPersist(nameof(DeferAsync));
        if (_pending.Count == 0 && _batch.Count == 0)
        {
            handler(@event);
            return;
        }
        _batch.Add(new Invocation(@event, 0, e => handler((TEvent)e), Stashing: false, Deferred: true, Sender, null, null));
    }

    /// <summary>Stores <paramref name="state"/> as the snapshot at <see cref="LastSequenceNr"/>; replies
    /// <see cref="SaveSnapshotSuccess"/> or <see cref="SaveSnapshotFailure"/> to this actor.</summary>
    protected void SaveSnapshot(object state)
    {
        var metadata = new SnapshotMetadata(PersistenceId, LastSequenceNr, Context.System.Scheduler.UtcNow);
        _lastSnapshotAt = LastSequenceNr;
        (string Manifest, string Payload) serialized;
        try
        {
            serialized = _serializer.Serialize(state);
        }
        catch (EventSerializationException error)
        {
            Self.Tell(new SaveSnapshotFailure(metadata, error), Self);
            return;
        }
        var store = _stores.Snapshots;
        var entry = new SnapshotEntry(metadata.PersistenceId, metadata.SequenceNr, metadata.Timestamp, serialized.Manifest, serialized.Payload);
        _stores.Call(() => store.SaveAsync(entry))
            .PipeTo(Self, Self, success: () => new SaveSnapshotSuccess(metadata), failure: error => new SaveSnapshotFailure(metadata, error));
    }

    /// <summary>Deletes the events up to <paramref name="toSequenceNr"/>; replies <see cref="DeleteMessagesSuccess"/> or <see cref="DeleteMessagesFailure"/>.</summary>
    protected void DeleteMessages(long toSequenceNr)
    {
        var journal = _stores.Journal;
        var id = PersistenceId;
        _stores.Call(() => journal.DeleteUpToAsync(id, toSequenceNr))
            .PipeTo(Self, Self, success: () => new DeleteMessagesSuccess(toSequenceNr), failure: error => new DeleteMessagesFailure(toSequenceNr, error));
    }

    /// <summary>Deletes the snapshots matching <paramref name="criteria"/>; replies <see cref="DeleteSnapshotsSuccess"/> or <see cref="DeleteSnapshotsFailure"/>.</summary>
    protected void DeleteSnapshots(SnapshotSelectionCriteria criteria)
    {
        var store = _stores.Snapshots;
        var id = PersistenceId;
        _stores.Call(() => store.DeleteAsync(id, criteria))
            .PipeTo(Self, Self, success: () => new DeleteSnapshotsSuccess(criteria), failure: error => new DeleteSnapshotsFailure(criteria, error));
    }

    private void Add<TEvent>(TEvent @event, Action<TEvent> handler, bool stashing) where TEvent : notnull
    {
        CheckMayPersist(stashing ? nameof(Persist) : nameof(PersistAsync));
        var sequenceNr = ++_nextSequenceNr;
        JournalEntry? entry = null;
        Exception? rejection = null;
        try
        {
            var (manifest, payload) = _serializer.Serialize(@event);
            entry = new JournalEntry(PersistenceId, sequenceNr, manifest, payload, Context.System.Scheduler.UtcNow);
        }
        catch (EventSerializationException error)
        {
            rejection = new JournalRejectedException($"persistence id '{PersistenceId}': event {sequenceNr} not written: {error.Message}", error);
        }
        _batch.Add(new Invocation(@event, sequenceNr, e => handler((TEvent)e), stashing, Deferred: false, Sender, entry, rejection));
    }

    private void CheckMayPersist(string what)
    {
        if (!ReferenceEquals(ActorCell.Current, Cell))
            throw new IllegalActorStateException($"{Self.Path}: {what} called outside this actor's message handling (another thread?)");
        if (_phase != Phase.Processing)
            throw new IllegalActorStateException($"{Self.Path}: {what} called while {(_phase == Phase.Recovering ? "recovering" : "stopped")}");
    }

    private void DiscardBatch()
    {
        if (_batch.Count == 0) return;
        var first = _batch.FirstOrDefault(i => !i.Deferred);
        if (first is not null) _nextSequenceNr = first.SequenceNr - 1;
        _batch.Clear();
    }

    private void FlushBatch()
    {
        if (_batch.Count == 0 || _phase != Phase.Processing) return;
        var items = _batch.ToArray();
        _batch.Clear();
        foreach (var item in items)
        {
            _pending.Enqueue(item);
            if (item.Stashing) _pendingStashing++;
        }
        var events = items.Where(i => !i.Deferred).ToArray();
        if (events.Length == 0) return; // deferred handlers only: they run when the writes before them complete
        var rejection = events.Select(i => i.Rejection).FirstOrDefault(r => r is not null);
        _writes.Enqueue(new WriteBatch(++_batchIds, events.Length, rejection is null ? events.Select(i => i.Entry!).ToArray() : [], rejection));
        PumpWrites();
    }

    private void PumpWrites()
    {
        if (_writeInFlight || _writes.Count == 0) return;
        var batch = _writes.Peek();
        _writeInFlight = true;
        var journal = _stores.Journal;
        var incarnation = _incarnation;
        var write = batch.Rejection is { } rejection ? Task.FromException(rejection) : _stores.Call(() => journal.AppendAsync(batch.Entries));
        _stores.RecordWrite(PersistenceId, write);
        write.PipeTo(Self, success: () => new WriteFinished(incarnation, batch.Id, null),
            failure: error => new WriteFinished(incarnation, batch.Id, error));
    }

    private void OnWriteFinished(WriteFinished finished)
    {
        if (_writes.Count == 0 || _writes.Peek().Id != finished.BatchId) return;
        var batch = _writes.Dequeue();
        _writeInFlight = false;
        if (finished.Error is { } error && error is not JournalRejectedException)
        {
            var failed = _pending.First(i => !i.Deferred);
            _phase = Phase.Stopped;
            try
            {
                OnPersistFailure(error, failed.Event, failed.SequenceNr);
            }
            finally
            {
                Context.Stop(Self);
            }
            return;
        }
        var remaining = batch.EventCount;
        while (remaining > 0 && _pending.Count > 0)
        {
            var item = _pending.Dequeue();
            if (item.Deferred)
            {
                Run(item);
                continue;
            }
            remaining--;
            if (item.Stashing) _pendingStashing--;
            if (finished.Error is null)
            {
                LastSequenceNr = item.SequenceNr;
                Run(item);
            }
            else
            {
                OnPersistRejected(finished.Error, item.Event, item.SequenceNr);
            }
        }
        while (_pending.TryPeek(out var next) && next.Deferred) Run(_pending.Dequeue());
        if (finished.Error is null) SnapshotIfDue();
        if (_pendingStashing == 0) UnstashAllInternally();
        PumpWrites();
    }

    private void Run(Invocation item) => Cell.RunWithSender(item.Sender, () => item.Handler(item.Event));

    private void SnapshotIfDue()
    {
        if (SnapshotEvery <= 0 || LastSequenceNr - _lastSnapshotAt < SnapshotEvery) return;
        var state = SnapshotState();
        if (state is not null) SaveSnapshot(state);
    }

    private sealed record Invocation(object Event, long SequenceNr, Action<object> Handler, bool Stashing, bool Deferred, IActorRef Sender,
        JournalEntry? Entry, Exception? Rejection);

    private sealed record WriteBatch(long Id, int EventCount, IReadOnlyList<JournalEntry> Entries, Exception? Rejection);
}
