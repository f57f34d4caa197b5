using Akka.Actor;
using Akka.Actor.Internal;

namespace Miner.Actors.Akka.Supervision;

/// <summary>
/// Stops a failed child and hands the failure to the parent first, so that the parent's <c>Terminated</c> handler
/// knows why the child stopped (Akka's <c>Terminated</c> carries no cause). Runs in the parent's cell, between its
/// messages, like every supervisor strategy.
/// </summary>
public sealed class CauseRecordingStoppingStrategy(Action<IActorRef, Exception> record)
    : OneForOneStrategy(global::Akka.Actor.Decider.From(_ => Directive.Stop))
{
    public override void ProcessFailure(IActorContext context, bool restart, IActorRef child, Exception cause,
        ChildRestartStats stats, IReadOnlyCollection<ChildRestartStats> children)
    {
        record(child, cause);
        base.ProcessFailure(context, restart, child, cause, stats, children);
    }
}
