namespace Miner.Actors.Kernel;

/// <summary>The stash is full (its capacity comes from Props or the system settings).</summary>
public sealed class StashOverflowException(string message) : Exception(message);
