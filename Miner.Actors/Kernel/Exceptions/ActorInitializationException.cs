namespace Miner.Actors.Kernel;

/// <summary>The constructor or PreStart of an actor threw; the default decider stops the actor.</summary>
public sealed class ActorInitializationException(string actorPath, Exception cause)
    : Exception($"{actorPath}: failed to initialise: {cause.Message}", cause)
{
    public string ActorPath { get; } = actorPath;
}
