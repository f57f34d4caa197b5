using Miner.Actors.Storage;
namespace Miner.Actors.Persistence;

/// <summary>Where a snapshot sits in a persistence id's stream.</summary>
public sealed record SnapshotMetadata(string PersistenceId, long SequenceNr, DateTimeOffset Timestamp);

/// <summary>Delivered to the recovery handlers first when a snapshot exists; only newer events follow.</summary>
public sealed record SnapshotOffer(SnapshotMetadata Metadata, object Snapshot);

/// <summary>Delivered to the recovery handlers once replay is over, even for an empty journal, before any command.</summary>
public sealed record RecoveryCompleted(long LastSequenceNr);

/// <summary>Sent to the actor itself when <c>SaveSnapshot</c> stored the snapshot.</summary>
public sealed record SaveSnapshotSuccess(SnapshotMetadata Metadata);

/// <summary>Sent to the actor itself when <c>SaveSnapshot</c> could not store the snapshot (the actor keeps running).</summary>
public sealed record SaveSnapshotFailure(SnapshotMetadata Metadata, Exception Cause);

/// <summary>Sent to the actor itself when <c>DeleteMessages</c> removed the events up to <see cref="ToSequenceNr"/>.</summary>
public sealed record DeleteMessagesSuccess(long ToSequenceNr);

/// <summary>Sent to the actor itself when <c>DeleteMessages</c> failed.</summary>
public sealed record DeleteMessagesFailure(long ToSequenceNr, Exception Cause);

/// <summary>Sent to the actor itself when <c>DeleteSnapshots</c> removed the matching snapshots.</summary>
public sealed record DeleteSnapshotsSuccess(SnapshotSelectionCriteria Criteria);

/// <summary>Sent to the actor itself when <c>DeleteSnapshots</c> failed.</summary>
public sealed record DeleteSnapshotsFailure(SnapshotSelectionCriteria Criteria, Exception Cause);
