namespace Miner.Actors.Kernel;

/// <summary>An actor's current behaviour had no handler for a message.</summary>
public sealed record UnhandledMessage(object Message, IActorRef Sender, IActorRef Recipient);
