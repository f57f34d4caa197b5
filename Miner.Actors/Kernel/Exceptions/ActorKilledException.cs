namespace Miner.Actors.Kernel;

/// <summary>Raised by Kill; the default decider stops the actor.</summary>
public sealed class ActorKilledException(string message) : Exception(message);
