namespace Miner.Actors.Kernel;

/// <summary>An actor did not handle the Terminated of an actor it watched.</summary>
public sealed class DeathPactException(string message) : Exception(message);
