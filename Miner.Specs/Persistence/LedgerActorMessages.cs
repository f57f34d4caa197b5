using Miner.Actors.Kernel;

namespace Miner.Specs.Persistence;

// Commands the spec actor accepts.
public sealed record Record(string Item);
public sealed record RecordTwice(string First, string Second);
public sealed record RecordAll(string[] Items);
public sealed record RecordAsync(string Item);
public sealed record RecordThenDefer(string Item);
public sealed record DeferOnly(string Item);
public sealed record RecordUnserialisable;
public sealed record PersistFromAnotherThread;
public sealed record TakeSnapshot;
public sealed record DeleteUpTo(long SequenceNr);
public sealed record DeleteSnapshotsUpTo(long SequenceNr);
public sealed record RecordThenFail(string Item);
public sealed record Fail(string Why);
public sealed record GetItems;

// Events and snapshot the spec actor stores.
public sealed record ItemRecorded(string Item);
public sealed record LedgerSnapshot(string[] Items);
public sealed record NotRegistered(string Item);

// What the spec actor reports to its reporter probe.
public sealed record Ack(string Item, long SequenceNr);
public sealed record Deferred(string Item);
public sealed record Items(string[] All, long LastSequenceNr);
public sealed record Replayed(object Message, IActorRef Sender);
public sealed record PersistFailed(object Event, long SequenceNr, Exception Cause);
public sealed record PersistRejected(object Event, long SequenceNr, Exception Cause);
public sealed record RecoveryFailed(Exception Cause);
public sealed record CommandSeen(object Command, bool Recovering);
public sealed record ThreadCheck(Exception? Error);
