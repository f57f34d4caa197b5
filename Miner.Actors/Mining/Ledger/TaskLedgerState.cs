using Miner.Actors.Storage;

namespace Miner.Actors.Mining.Ledger;

/// <summary>A snapshot of the <see cref="TaskLedger"/>: the unsettled tasks, oldest first.</summary>
public sealed record TaskLedgerState(IReadOnlyList<UnsettledTask> Tasks) : IMinerPersistentMessage;
