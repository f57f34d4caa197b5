namespace Miner.Actors.Kernel;

/// <summary>A timer tick as queued; the cell checks its generation before the actor sees the payload.</summary>
internal sealed record TimerFired(object Key, long Generation);
