using Miner.Actors.Generation;
using Miner.Actors.Kernel;

namespace Miner.Host.Commands.Devnet;

/// <summary>
/// Wraps one GPU card's <see cref="GenerationActor"/> (its child <c>card</c>) so the devnet run sees every result:
/// what the card sends is forwarded to the router with the card as sender (the router talks to the card directly),
/// and each <see cref="GenerationResult"/> is handed to the recorder on the way. Anything else sent to the wrapper
/// (status queries) goes to the card.
/// </summary>
public sealed class RecordingGpu : ReceiveActor
{
    public RecordingGpu(Func<IActorRef, Props> card, IActorRef router, GenerationRecorder recorder)
    {
        var child = Context.ActorOf(card(Self), "card");
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
}
