namespace Miner.Actors.Kernel;

/// <summary>An actor API was used in a state that does not allow it (stashing a message twice, Receive outside construction).</summary>
public sealed class IllegalActorStateException(string message) : Exception(message);
