namespace Miner.Actors.Kernel;

/// <summary>A message that could not be delivered (recipient stopped, late Ask reply, sent to DeadLetters).</summary>
public sealed record DeadLetter(object Message, IActorRef Sender, IActorRef Recipient);
