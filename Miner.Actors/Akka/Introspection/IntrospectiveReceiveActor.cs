using Akka.Actor;
using Akka.Event;
using Akka.Logger.Serilog;

namespace Miner.Actors.Akka.Introspection;

/// <summary>Marks an actor class that answers <see cref="Introspect"/>.</summary>
public interface IIntrospective;

/// <summary>
/// The base of the miner's actors: a <see cref="ReceiveActor"/> with timers and a Serilog-backed <see cref="Log"/> that
/// answers <see cref="Introspect"/> in every behaviour (through <see cref="IntrospectionResponder"/>, in
/// <see cref="AroundReceive"/>, before the current behaviour, so <c>Become</c> and stashing do not hide it). Its row
/// carries <see cref="DescribeState"/>, mailbox depth, stash size when the actor has a stash, restarts and active timers.
/// </summary>
public abstract class IntrospectiveReceiveActor : ReceiveActor, IWithTimers, IIntrospective
{
    private readonly IntrospectionResponder _introspection = new();
    private ILoggingAdapter? _log;

    /// <summary>Set by Akka before the constructor runs.</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>
    /// The actor's log, with its path as the source. A Serilog adapter, so <c>Log.With(name, value)</c> adds a
    /// property (Akka.Logger.Serilog's ForContext) that reaches the miner's Serilog sinks.
    /// </summary>
#pragma warning disable CS0618 // The named replacement, ILoggingAdapter.WithContext, is not in Akka 1.5.75.
    protected ILoggingAdapter Log => _log ??= Context.GetLogger<SerilogLoggingAdapter>();
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
        _introspection.TryHandle(message, Context, () => IntrospectionResponder.Row(Context, GetType(), DescribeState,
            this is IActorStash { Stash: { } stash } ? stash.Count : null, Timers))
        || base.AroundReceive(receive, message);
}
