namespace Miner.Actors.Kernel;

/// <summary>A child name is malformed or still taken by a child whose Terminated was not yet seen.</summary>
public sealed class InvalidActorNameException(string message) : Exception(message);
