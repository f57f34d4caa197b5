namespace Miner.Actors.Kernel;

/// <summary>A watched actor has stopped. <see cref="ExistenceConfirmed"/> is false when it was already gone at Watch time.</summary>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed);
