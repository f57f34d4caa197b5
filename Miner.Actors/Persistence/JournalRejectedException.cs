using Miner.Actors.Storage;
namespace Miner.Actors.Persistence;

/// <summary>The journal refused a batch without writing any of it (an event that cannot be serialised, a batch too
/// large). The persistent actor calls OnPersistRejected and keeps running.</summary>
public sealed class JournalRejectedException(string message, Exception? inner = null) : Exception(message, inner);
