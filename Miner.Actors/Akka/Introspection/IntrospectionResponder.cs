using Akka.Actor;
using Akka.Pattern;

namespace Miner.Actors.Akka.Introspection;

/// <summary>
/// The <see cref="Introspect"/> protocol for one actor, shared by <see cref="IntrospectiveReceiveActor"/> and
/// <see cref="IntrospectivePersistentActor"/>: the actor's own row and a fan-out to its children. Each child is sent an
/// <see cref="Introspect"/> with <see cref="ChildShare"/> of the remaining time; the actor answers as soon as all have
/// replied or, at that child deadline, with the ones that did, listing the others as unresponsive. Nothing blocks. A
/// child whose class is not <see cref="IIntrospective"/> is listed as "not introspective" at once, without being asked,
/// except Akka's <see cref="BackoffSupervisor"/>: it forwards the request to the actor it supervises, whose report comes
/// back wrapped in a row for the supervisor.
/// </summary>
public sealed class IntrospectionResponder
{
    /// <summary>The share of the remaining time a parent gives its children, so that their answers arrive in time.</summary>
    public const double ChildShare = 0.8;

    private readonly Dictionary<long, Pending> _pending = new();
    private long _nextRequest;

    /// <summary>
    /// Handles the protocol's messages (true), or leaves <paramref name="message"/> to the actor's behaviour (false).
    /// <paramref name="ownRow"/> is called between two of the actor's messages.
    /// </summary>
    public bool TryHandle(object message, IActorContext context, Func<ActorReport> ownRow)
    {
        switch (message)
        {
            case Introspect introspect:
                OnIntrospect(introspect, context, ownRow());
                return true;
            case IntrospectReply reply when _pending.ContainsKey(reply.RequestId):
                OnChildReply(reply, context);
                return true;
            case ChildDeadline deadline:
                Finish(deadline.RequestId, context);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The row every introspective actor reports, from what Akka knows about its cell.</summary>
    public static ActorReport Row(IActorContext context, Type actorType, Func<string> describeState, int? stashSize, ITimerScheduler? timers)
    {
        string state;
        try
        {
            state = describeState();
        }
        catch (Exception e)
        {
            state = $"DescribeState failed: {e.GetType().Name}: {e.Message}";
        }
        var mailbox = context is ICell cell ? cell.NumberOfMessages : 0;
        var activeTimers = timers is null
            ? []
            : timers.ActiveTimers.Select(k => k?.ToString() ?? "").OrderBy(k => k, StringComparer.Ordinal).ToList();
        return new ActorReport(context.Self.Path.ToStringWithoutAddress(), actorType.Name, state, mailbox, stashSize,
            RestartCounter.Get(context), activeTimers, [], []);
    }

    private void OnIntrospect(Introspect introspect, IActorContext context, ActorReport own)
    {
        var now = context.System.Scheduler.Now;
        var id = ++_nextRequest;
        var pending = new Pending(introspect.RequestId, context.Sender, own);
        _pending[id] = pending;

        var remaining = introspect.Deadline - now;
        var given = remaining > TimeSpan.Zero ? TimeSpan.FromTicks((long)(remaining.Ticks * ChildShare)) : TimeSpan.Zero;
        foreach (var child in context.GetChildren())
        {
            var path = child.Path.ToStringWithoutAddress();
            var type = ClassOf(child);
            if (type is not null && !typeof(IIntrospective).IsAssignableFrom(type) && !IsBackoffSupervisor(type))
            {
                pending.Unresponsive.Add(new UnresponsiveActor(path, type.Name, "not introspective"));
                continue;
            }
            if (given <= TimeSpan.Zero)
            {
                pending.Unresponsive.Add(new UnresponsiveActor(path, type?.Name, $"no answer within {given}"));
                continue;
            }
            pending.Waiting[child.Path] = (type?.Name, given, type is not null && IsBackoffSupervisor(type));
            child.Tell(new Introspect(now + given, id), context.Self);
        }

        if (pending.Waiting.Count == 0) Finish(id, context);
        else pending.Timeout = context.System.Scheduler.ScheduleTellOnceCancelable(given, context.Self, new ChildDeadline(id), context.Self);
    }

    private void OnChildReply(IntrospectReply reply, IActorContext context)
    {
        var pending = _pending[reply.RequestId];
        var from = context.Sender.Path;
        if (pending.Waiting.Remove(from)) pending.Children.Add(reply.Report);
        else if (from.Parent is { } supervisor && pending.Waiting.TryGetValue(supervisor, out var waiting) && waiting.Wrapped)
        {
            pending.Waiting.Remove(supervisor);
            pending.Children.Add(new ActorReport(supervisor.ToStringWithoutAddress(), waiting.Type ?? nameof(BackoffSupervisor),
                "restarts its child with backoff", 0, null, 0, [], [reply.Report], []));
        }
        else return;
        if (pending.Waiting.Count == 0) Finish(reply.RequestId, context);
    }

    private void Finish(long id, IActorContext context)
    {
        if (!_pending.Remove(id, out var pending)) return;
        pending.Timeout?.Cancel();
        foreach (var (child, (type, given, _)) in pending.Waiting)
            pending.Unresponsive.Add(new UnresponsiveActor(child.ToStringWithoutAddress(), type, $"no answer within {given}"));
        var report = pending.Own with
        {
            Children = pending.Children.OrderBy(r => r.Path, StringComparer.Ordinal).ToList(),
            Unresponsive = pending.Unresponsive.OrderBy(u => u.Path, StringComparer.Ordinal).ToList(),
        };
        pending.ReplyTo.Tell(new IntrospectReply(pending.RequestId, report), context.Self);
    }

    /// <summary>The class a local child runs, from its props; null for a ref without a local cell.</summary>
    private static Type? ClassOf(IActorRef child) => child is ActorRefWithCell { Underlying: { } cell } ? cell.Props.Type : null;

    private static bool IsBackoffSupervisor(Type type) => typeof(BackoffSupervisor).IsAssignableFrom(type);

    private sealed record ChildDeadline(long RequestId);

    private sealed class Pending(long requestId, IActorRef replyTo, ActorReport own)
    {
        public long RequestId { get; } = requestId;
        public IActorRef ReplyTo { get; } = replyTo;
        public ActorReport Own { get; } = own;
        public Dictionary<ActorPath, (string? Type, TimeSpan Given, bool Wrapped)> Waiting { get; } = new();
        public List<ActorReport> Children { get; } = [];
        public List<UnresponsiveActor> Unresponsive { get; } = [];
        public ICancelable? Timeout { get; set; }
    }
}
