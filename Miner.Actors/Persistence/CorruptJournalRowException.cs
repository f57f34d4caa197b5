using Miner.Actors.Storage;
namespace Miner.Actors.Persistence;

/// <summary>A stored row cannot be read (a NULL or mistyped column, written by something other than this code).</summary>
public sealed class CorruptJournalRowException(string store, string persistenceId, string detail, Exception? inner = null)
    : Exception($"{store}: persistence id '{persistenceId}': unreadable row: {detail}", inner);
