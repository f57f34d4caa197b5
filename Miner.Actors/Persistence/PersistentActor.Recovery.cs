using Miner.Actors.Storage;
using Miner.Actors.Kernel;

namespace Miner.Actors.Persistence;

/// <summary>Recovery: latest snapshot, then the newer events page by page, then <see cref="RecoveryCompleted"/>.</summary>
public abstract partial class PersistentActor
{
    private long _recoveryHighest;

    private void StartRecovery()
    {
        _phase = Phase.Recovering;
        var id = PersistenceId;
        if (string.IsNullOrWhiteSpace(id)) throw new IllegalActorStateException($"{Self.Path}: PersistenceId is empty");
        var journal = _stores.Journal;
        var snapshots = _stores.Snapshots;
        var incarnation = _incarnation;
        var previousWrite = _stores.WritesSettled(id); // a write of a previous incarnation may still be under way
        _stores.Call(async () =>
            {
                await previousWrite.ConfigureAwait(false);
                var snapshot = await snapshots.LoadAsync(id, SnapshotSelectionCriteria.Latest).ConfigureAwait(false);
                var highest = await journal.HighestSequenceNrAsync(id).ConfigureAwait(false);
                return new RecoveryLoaded(incarnation, snapshot, highest);
            })
            .PipeTo(Self, success: loaded => loaded,
                failure: error => new RecoveryReadFailed(incarnation, "loading the latest snapshot and the highest sequence number", error));
    }

    private void OnRecoveryLoaded(RecoveryLoaded loaded)
    {
        if (_phase != Phase.Recovering) return;
        _recoveryHighest = loaded.HighestSequenceNr;
        if (loaded.Snapshot is { } snapshot)
        {
            object state;
            try
            {
                state = _serializer.Deserialize(snapshot.Manifest, snapshot.Payload);
            }
            catch (EventSerializationException error)
            {
                FailRecovery(new PersistenceRecoveryException(PersistenceId, snapshot.SequenceNr, snapshot.Manifest, "snapshot: " + error.Message, error));
                return;
            }
            LastSequenceNr = SnapshotSequenceNr = snapshot.SequenceNr;
            _lastSnapshotAt = snapshot.SequenceNr;
            _recoveryHighest = Math.Max(_recoveryHighest, snapshot.SequenceNr);
            var offer = new SnapshotOffer(new SnapshotMetadata(snapshot.PersistenceId, snapshot.SequenceNr, snapshot.Timestamp), state);
            if (!ApplyRecovery(offer, snapshot.SequenceNr, snapshot.Manifest)) return;
        }
        RequestReplay(LastSequenceNr + 1);
    }

    private void RequestReplay(long from)
    {
        if (from > _recoveryHighest)
        {
            CompleteRecovery();
            return;
        }
        var id = PersistenceId;
        var to = _recoveryHighest;
        var journal = _stores.Journal;
        var incarnation = _incarnation;
        _stores.Call(() => journal.ReplayAsync(id, from, to, ReplayPageSize))
            .PipeTo(Self, success: entries => new ReplayedPage(incarnation, entries),
                failure: error => new RecoveryReadFailed(incarnation, $"replaying events {from}..{to}", error));
    }

    private void OnReplayedPage(ReplayedPage page)
    {
        if (_phase != Phase.Recovering) return;
        foreach (var entry in page.Entries)
        {
            object @event;
            try
            {
                @event = _serializer.Deserialize(entry.Manifest, entry.Payload);
            }
            catch (EventSerializationException error)
            {
                FailRecovery(new PersistenceRecoveryException(PersistenceId, entry.SequenceNr, entry.Manifest, error.Message, error));
                return;
            }
            LastSequenceNr = entry.SequenceNr;
            if (!ApplyRecovery(@event, entry.SequenceNr, entry.Manifest)) return;
        }
        if (page.Entries.Count >= ReplayPageSize && LastSequenceNr < _recoveryHighest) RequestReplay(LastSequenceNr + 1);
        else CompleteRecovery();
    }

    private void CompleteRecovery()
    {
        // Deleted or rejected events leave gaps: numbering continues after the highest ever written.
        LastSequenceNr = Math.Max(LastSequenceNr, _recoveryHighest);
        _nextSequenceNr = LastSequenceNr;
        if (!ApplyRecovery(new RecoveryCompleted(LastSequenceNr), LastSequenceNr, null)) return;
        _phase = Phase.Processing;
        UnstashAllInternally();
    }

    /// <summary>Runs the recovery handlers (sender: dead letters); a throwing handler fails the recovery.</summary>
    private bool ApplyRecovery(object message, long sequenceNr, string? manifest)
    {
        try
        {
            Cell.RunWithSender(Context.System.DeadLetters, () =>
            {
                foreach (var handler in _recoveryHandlers)
                {
                    if (handler(message)) return;
                }
            });
            return true;
        }
        catch (Exception error)
        {
            FailRecovery(new PersistenceRecoveryException(PersistenceId, sequenceNr, manifest,
                $"the recovery handler for {message.GetType().Name} threw {error.GetType().Name}: {error.Message}", error));
            return false;
        }
    }

    private void FailRecovery(PersistenceRecoveryException cause)
    {
        _phase = Phase.Stopped;
        try
        {
            OnRecoveryFailure(cause);
        }
        finally
        {
            Context.Stop(Self);
        }
    }
}
