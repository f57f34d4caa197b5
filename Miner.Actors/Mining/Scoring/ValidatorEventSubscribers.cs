using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;

namespace Miner.Actors.Mining.Scoring;

/// <summary>
/// The ScoreKeeper's subscribers and what each asked for. Shared by the incarnations of one keeper, so a restart by a
/// backoff supervisor keeps them; used only from the keeper's own turns.
/// </summary>
public sealed class ValidatorEventSubscribers
{
    private readonly Dictionary<IActorRef, ValidatorEvents> _wanted = new();

    /// <summary>Adds what <paramref name="subscriber"/> wants to what it already gets.</summary>
    public void Add(IActorRef subscriber, ValidatorEvents events) =>
        _wanted[subscriber] = _wanted.GetValueOrDefault(subscriber) | events;

    /// <summary>Tells <paramref name="message"/> to the subscribers that asked for <paramref name="events"/>.</summary>
    public void Tell(ValidatorEvents events, object message, IActorRef sender)
    {
        foreach (var (subscriber, wanted) in _wanted)
        {
            if ((wanted & events) != 0) subscriber.Tell(message, sender);
        }
    }
}
