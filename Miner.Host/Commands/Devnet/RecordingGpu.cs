using Miner.Actors.Generation;
using Akka.Actor;
using Miner.Actors.Akka.Introspection;

namespace Miner.Host.Commands.Devnet;

/// <summary>
/// Wraps one GPU card's <see cref="GenerationActor"/> (its child <c>card</c>) so the devnet run sees every result:
/// what the card sends is forwarded to the router with the card as sender (the router talks to the card directly),
/// and each <see cref="GenerationResult"/> is handed to the recorder on the way. Anything else sent to the wrapper
/// (status queries) goes to the card. A card that stops (it could not start, or failed for good) is reported through
/// <paramref name="cardStopped"/> with its reason, so the run can end instead of waiting for a card that is gone.
/// </summary>
public sealed class RecordingGpu : IntrospectiveReceiveActor
{
    private string? _failure;

    public RecordingGpu(Func<IActorRef, Props> card, IActorRef router, GenerationRecorder recorder, Action<string>? cardStopped = null)
    {
        IActorRef child;
        try
        {
            child = Context.ActorOf(card(Self), "card");
        }
        catch (Exception error)
        {
            // The card's backends are built with its Props, here: settings they refuse (or anything else that stops
            // them being built) mean there is no card, and the run is told why.
            cardStopped?.Invoke($"{Self.Path.Name}: {error.Message}");
            Context.Stop(Self);
            return;
        }
        Context.Watch(child);
        Receive<Terminated>(t => t.ActorRef.Equals(child),
            _ => cardStopped?.Invoke($"{Self.Path.Name}: {_failure ?? "the card stopped"}"));
        ReceiveAny(message =>
        {
            if (!Sender.Equals(child))
            {
                child.Forward(message);
                return;
            }
            if (message is GenerationResult result) recorder.Record(result);
            router.Forward(message);
        });
    }

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(cause =>
    {
        // The default decider stops a card whose constructor threw: keep the constructor's words, not the wrappers'.
        var directive = Akka.Actor.SupervisorStrategy.DefaultDecider.Decide(cause);
        if (directive == Directive.Stop) _failure = ThrownByConstructor(cause).Message;
        return directive;
    });

    /// <summary>
    /// Akka wraps a constructor's throw: an <see cref="ActorInitializationException"/> around the
    /// <see cref="TypeLoadException"/> of <c>Props.NewActor</c> ("Error while creating actor instance of type …"), around
    /// the <see cref="System.Reflection.TargetInvocationException"/> of the activator.
    /// </summary>
    private static Exception ThrownByConstructor(Exception cause)
    {
        if (cause is not ActorInitializationException { InnerException: { } error }) return cause;
        while (error is TypeLoadException or System.Reflection.TargetInvocationException && error.InnerException is { } inner) error = inner;
        return error;
    }
}
