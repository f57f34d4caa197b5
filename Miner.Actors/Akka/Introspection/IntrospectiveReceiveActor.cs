using Akka.Actor;

namespace Miner.Actors.Akka.Introspection;

/// <summary>Marks an actor class that answers <see cref="Introspect"/>.</summary>
public interface IIntrospective;

/// <summary>
/// A <see cref="ReceiveActor"/> that answers <see cref="Introspect"/> in every behaviour (it is handled in
/// <see cref="AroundReceive"/>, before the current behaviour, so <c>Become</c> and stashing do not hide it). The
/// answer is the actor's own row — <see cref="DescribeState"/>, mailbox depth, stash size when the actor has a
/// stash, restarts, active timer keys — and its children's reports: each child is sent an <see cref="Introspect"/>
/// with 80 % of the remaining time, and the actor answers as soon as all have replied or, at that child deadline,
/// with the ones that did, listing the others as unresponsive. Nothing blocks: a child busy in a long handler only
/// delays its parent's answer up to the deadline. A child whose class is not <see cref="IIntrospective"/> is listed
/// as "not introspective" at once, without being asked.
/// </summary>
public abstract class IntrospectiveReceiveActor : ReceiveActor, IWithTimers, IIntrospective
{
    /// <summary>The share of the remaining time a parent gives its children, so that their answers arrive in time.</summary>
    public const double ChildShare = 0.8;

    private readonly Dictionary<long, Pending> _pending = new();
    private long _nextRequest;

    /// <summary>Set by Akka before the constructor runs.</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The actor's state in one line, for the report. Empty by default.</summary>
    protected virtual string DescribeState() => "";

    /// <inheritdoc />
    protected override void PostRestart(Exception reason)
    {
        RestartCounter.Increment(Context);
        base.PostRestart(reason);
    }

    /// <inheritdoc />
    protected override bool AroundReceive(Receive receive, object message)
    {
        switch (message)
        {
            case Introspect introspect:
                OnIntrospect(introspect, Sender);
                return true;
            case IntrospectReply reply when _pending.ContainsKey(reply.RequestId):
                OnChildReply(reply, Sender);
                return true;
            case ChildDeadline deadline:
                Finish(deadline.RequestId);
                return true;
            default:
                return base.AroundReceive(receive, message);
        }
    }

    private void OnIntrospect(Introspect introspect, IActorRef replyTo)
    {
        var now = Context.System.Scheduler.Now;
        var own = OwnRow();
        var id = ++_nextRequest;
        var pending = new Pending(introspect.RequestId, replyTo, own);
        _pending[id] = pending;

        var remaining = introspect.Deadline - now;
        var given = remaining > TimeSpan.Zero ? TimeSpan.FromTicks((long)(remaining.Ticks * ChildShare)) : TimeSpan.Zero;
        foreach (var child in Context.GetChildren())
        {
            var path = child.Path.ToStringWithoutAddress();
            var type = ClassOf(child);
            if (type is not null && !typeof(IIntrospective).IsAssignableFrom(type))
            {
                pending.Unresponsive.Add(new UnresponsiveActor(path, type.Name, "not introspective"));
                continue;
            }
            if (given <= TimeSpan.Zero)
            {
                pending.Unresponsive.Add(new UnresponsiveActor(path, type?.Name, $"no answer within {given}"));
                continue;
            }
            pending.Waiting[child] = (type?.Name, given);
            child.Tell(new Introspect(now + given, id), Self);
        }

        if (pending.Waiting.Count == 0) Finish(id);
        else pending.Timeout = Context.System.Scheduler.ScheduleTellOnceCancelable(given, Self, new ChildDeadline(id), Self);
    }

    private void OnChildReply(IntrospectReply reply, IActorRef child)
    {
        var pending = _pending[reply.RequestId];
        if (!pending.Waiting.Remove(child)) return;
        pending.Children.Add(reply.Report);
        if (pending.Waiting.Count == 0) Finish(reply.RequestId);
    }

    private void Finish(long id)
    {
        if (!_pending.Remove(id, out var pending)) return;
        pending.Timeout?.Cancel();
        foreach (var (child, (type, given)) in pending.Waiting)
            pending.Unresponsive.Add(new UnresponsiveActor(child.Path.ToStringWithoutAddress(), type, $"no answer within {given}"));
        var report = pending.Own with
        {
            Children = pending.Children.OrderBy(r => r.Path, StringComparer.Ordinal).ToList(),
            Unresponsive = pending.Unresponsive.OrderBy(u => u.Path, StringComparer.Ordinal).ToList(),
        };
        pending.ReplyTo.Tell(new IntrospectReply(pending.RequestId, report), Self);
    }

    private ActorReport OwnRow()
    {
        string state;
        try
        {
            state = DescribeState();
        }
        catch (Exception e)
        {
            state = $"DescribeState failed: {e.GetType().Name}: {e.Message}";
        }
        var mailbox = Context is ICell cell ? cell.NumberOfMessages : 0;
        int? stash = this is IActorStash { Stash: { } s } ? s.Count : null;
        var timers = Timers is null
            ? []
            : Timers.ActiveTimers.Select(k => k?.ToString() ?? "").OrderBy(k => k, StringComparer.Ordinal).ToList();
        return new ActorReport(
            Self.Path.ToStringWithoutAddress(), GetType().Name, state, mailbox, stash, RestartCounter.Get(Context),
            timers, [], []);
    }

    /// <summary>The class a local child runs, from its props; null for a ref without a local cell.</summary>
    private static Type? ClassOf(IActorRef child) => child is ActorRefWithCell { Underlying: { } cell } ? cell.Props.Type : null;

    private sealed record ChildDeadline(long RequestId);

    private sealed class Pending(long requestId, IActorRef replyTo, ActorReport own)
    {
        public long RequestId { get; } = requestId;
        public IActorRef ReplyTo { get; } = replyTo;
        public ActorReport Own { get; } = own;
        public Dictionary<IActorRef, (string? Type, TimeSpan Given)> Waiting { get; } = new();
        public List<ActorReport> Children { get; } = [];
        public List<UnresponsiveActor> Unresponsive { get; } = [];
        public ICancelable? Timeout { get; set; }
    }
}
