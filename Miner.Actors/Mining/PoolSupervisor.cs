using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;

namespace Miner.Actors.Mining;

/// <summary>
/// Parent of the GPU actors (<c>gpu-&lt;n&gt;</c>), one per configured card, made by a factory given the card's name and
/// the router (GenerationActors ask the router for work and report results to it). A GPU actor that stops for good
/// is not re-created here: the router sees it terminate and declines its task.
/// </summary>
public sealed class PoolSupervisor : IntrospectiveReceiveActor
{
    public PoolSupervisor(IReadOnlyList<string> gpus, Func<string, IActorRef, Props> gpuProps, IActorRef router)
    {
        foreach (var gpu in gpus) Context.ActorOf(gpuProps(gpu, router), gpu);
        Receive<GetGpus>(_ => Sender.Tell(Context.GetChildren().ToList()));
    }

    protected override string DescribeState() => $"{Context.GetChildren().Count()} GPU actors";
}
