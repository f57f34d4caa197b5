namespace Miner.Actors.Kernel;

/// <summary>
/// Base of every actor. Handlers are registered with <see cref="Receive{T}(Action{T})"/> in the
/// constructor (or inside <see cref="Become"/>); the first handler whose type and predicate match a message
/// handles it. Handlers must not block on long work: start it and pipe the result back as a message.
/// </summary>
public abstract class ReceiveActor
{
    private readonly ActorCell _cell;
    private readonly Stack<List<Func<object, bool>>> _behaviors = new();
    private List<Func<object, bool>>? _configuring;

    protected ReceiveActor()
    {
        _cell = ActorCell.Constructing
                ?? throw new IllegalActorStateException("actors are created with Props and ActorOf, never with new");
        ActorCell.Constructing = null; // a second `new` inside the factory must fail too
        var initial = new List<Func<object, bool>>();
        _behaviors.Push(initial);
        _configuring = initial;
    }

    protected IActorContext Context => _cell;
    protected IActorRef Self => _cell.Self;
    protected IActorRef Sender => _cell.Sender;
    protected ActorLog Log => _cell.Log;
    protected IStash Stash => _cell.Stash;
    protected ITimerScheduler Timers => _cell.Timers;

    protected void Receive<T>(Action<T> handler) => Receive(null, handler);

    /// <summary>Handles messages of type <typeparamref name="T"/> for which <paramref name="when"/> holds.</summary>
    protected void Receive<T>(Predicate<T>? when, Action<T> handler)
    {
        Configuring().Add(message =>
        {
            if (message is not T typed || (when is not null && !when(typed))) return false;
            handler(typed);
            return true;
        });
    }

    protected void ReceiveAny(Action<object> handler) => Configuring().Add(message =>
    {
        handler(message);
        return true;
    });

    /// <summary>Replaces the current behaviour with the handlers <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure) => SwitchBehavior(configure, stacked: false);

    /// <summary>Pushes a behaviour; <see cref="Unbecome"/> returns to the previous one.</summary>
    protected void BecomeStacked(Action configure) => SwitchBehavior(configure, stacked: true);

    protected void Unbecome()
    {
        if (_behaviors.Count > 1) _behaviors.Pop();
    }

    protected virtual void PreStart() { }

    protected virtual void PostStop() { }

    /// <summary>Called on the failed instance. By default unwatches and stops every child, then calls PostStop.</summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.Children)
        {
            Context.Unwatch(child);
            Context.Stop(child);
        }
        PostStop();
    }

    /// <summary>Called on the fresh instance after a restart. By default calls PreStart.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>Strategy for this actor's children; null uses the Props' strategy or the default.</summary>
    protected internal virtual SupervisorStrategy? SupervisorStrategy() => null;

    /// <summary>Called after this actor's strategy decided what to do with a failed child (between messages).</summary>
    protected internal virtual void ChildFailed(IActorRef child, Exception cause, Directive directive) { }

    /// <summary>A one-line description of the actor's state for the operator's tree view; called between messages.</summary>
    protected internal virtual string? DescribeState() => null;

    /// <summary>No handler matched. An unhandled <see cref="Terminated"/> is a <see cref="DeathPactException"/>.</summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
            throw new DeathPactException($"{Self.Path}: watched actor {terminated.ActorRef.Path} terminated and nobody handled it");
        _cell.System.EventStream.Publish(new UnhandledMessage(message, Sender, Self));
    }

    /// <summary>Hands a message to the current behaviour; persistent actors wrap it to stash while they write or recover.</summary>
    internal virtual void Dispatch(object message)
    {
        foreach (var handler in _behaviors.Peek())
        {
            if (handler(message)) return;
        }
        Unhandled(message);
    }

    internal bool BelongsTo(ActorCell cell) => ReferenceEquals(_cell, cell);
    internal void EndConfiguration() => _configuring = null;
    // Virtual so a persistent actor can start recovery after (re)start and put its internal stash back on restart/stop.
    internal virtual void InvokePreStart() => PreStart();
    internal virtual void InvokePostStop() => PostStop();
    internal virtual void InvokePreRestart(Exception reason, object? message) => PreRestart(reason, message);
    internal virtual void InvokePostRestart(Exception reason) => PostRestart(reason);

    private void SwitchBehavior(Action configure, bool stacked)
    {
        var behavior = new List<Func<object, bool>>();
        var previous = _configuring;
        _configuring = behavior;
        try
        {
            configure();
        }
        finally
        {
            _configuring = previous;
        }
        if (!stacked && _behaviors.Count > 0) _behaviors.Pop();
        _behaviors.Push(behavior);
    }

    private List<Func<object, bool>> Configuring() =>
        _configuring ?? throw new IllegalActorStateException("Receive may only be called in the constructor or inside Become");
}
