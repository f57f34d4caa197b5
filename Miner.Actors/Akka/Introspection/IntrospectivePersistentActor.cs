using Akka.Actor;
using Akka.Event;
using Akka.Logger.Serilog;
using Akka.Persistence;

namespace Miner.Actors.Akka.Introspection;

/// <summary>
/// <see cref="IntrospectiveReceiveActor"/> for event-sourced actors: a <see cref="ReceivePersistentActor"/> that answers
/// <see cref="Introspect"/> even while it recovers or waits for a write (nothing is stashed for it); its stash size is
/// the commands held back meanwhile.
/// </summary>
public abstract class IntrospectivePersistentActor : ReceivePersistentActor, IWithTimers, IIntrospective
{
    private readonly IntrospectionResponder _introspection = new();
    private ILoggingAdapter? _log;

    /// <summary>Set by Akka before the constructor runs.</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The actor's Serilog-backed log (see <see cref="IntrospectiveReceiveActor"/>).</summary>
#pragma warning disable CS0618 // The named replacement, ILoggingAdapter.WithContext, is not in Akka 1.5.75.
    protected new ILoggingAdapter Log => _log ??= Context.GetLogger<SerilogLoggingAdapter>();
#pragma warning restore CS0618

    /// <summary>The actor's state in one line, for the report. Empty by default.</summary>
    protected virtual string DescribeState() => "";

    /// <inheritdoc />
    protected override void PostRestart(Exception reason)
    {
        RestartCounter.Increment(Context);
        base.PostRestart(reason);
    }

    /// <inheritdoc />
    protected override bool AroundReceive(Receive receive, object message) =>
        _introspection.TryHandle(message, Context, () => IntrospectionResponder.Row(Context, GetType(), DescribeState, Stash?.Count, Timers))
        || base.AroundReceive(receive, message);
}
