using Miner.Actors.Kernel;

namespace Miner.Specs.TestKit;

/// <summary>The actor behind a <see cref="TestProbe"/>: records everything, watches on request.</summary>
internal sealed class ProbeActor : ReceiveActor
{
    public ProbeActor(TestProbe probe)
    {
        Receive<WatchCommand>(c => Context.Watch(c.Target));
        Receive<UnwatchCommand>(c => Context.Unwatch(c.Target));
        ReceiveAny(message => probe.Enqueue(new Envelope(message, Sender)));
    }

    internal sealed record WatchCommand(IActorRef Target);

    internal sealed record UnwatchCommand(IActorRef Target);
}
