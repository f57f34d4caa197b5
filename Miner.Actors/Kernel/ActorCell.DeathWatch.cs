namespace Miner.Actors.Kernel;

internal sealed partial class ActorCell
{
    private readonly Dictionary<IActorRef, object?> _watching = new();
    private readonly HashSet<IActorRef> _watchedBy = new();
    private readonly HashSet<IActorRef> _terminatedQueued = new();

    public IActorRef Watch(IActorRef actor) => WatchInternal(actor, null);

    public IActorRef WatchWith(IActorRef actor, object message) =>
        WatchInternal(actor, message ?? throw new ArgumentNullException(nameof(message)));

    public IActorRef Unwatch(IActorRef actor)
    {
        _watching.Remove(actor);
        _terminatedQueued.Remove(actor);
        if (actor is LocalActorRef local) local.Cell.Mailbox.PostSystem(new SystemMessage.Unwatch(local.Cell, Self));
        return actor;
    }

    private IActorRef WatchInternal(IActorRef actor, object? custom)
    {
        if (actor.Equals(Self)) return actor;
        var known = _watching.ContainsKey(actor);
        _watching[actor] = custom;
        if (known) return actor;
        if (actor is LocalActorRef local) local.Cell.Mailbox.PostSystem(new SystemMessage.Watch(local.Cell, Self));
        else Mailbox.PostSystem(new SystemMessage.DeathWatchNotification(actor, ExistenceConfirmed: false)); // not an actor: already gone
        return actor;
    }

    private void AddWatcher(IActorRef watcher)
    {
        if (watcher.Equals(Self)) return;
        _watchedBy.Add(watcher);
    }

    private void OnWatchedActorTerminated(IActorRef actor, bool existenceConfirmed)
    {
        if (!_watching.Remove(actor, out var custom) || _terminating) return;
        _terminatedQueued.Add(actor);
        _self.Tell(new WatchedTerminated(actor, custom ?? new Terminated(actor, existenceConfirmed)), actor);
    }

    private void NotifyWatchersAndUnwatchAll()
    {
        foreach (var watcher in _watchedBy)
        {
            if (watcher is LocalActorRef local) local.Cell.Mailbox.PostSystem(new SystemMessage.DeathWatchNotification(Self, true));
        }
        _watchedBy.Clear();
        foreach (var watched in _watching.Keys)
        {
            if (watched is LocalActorRef local) local.Cell.Mailbox.PostSystem(new SystemMessage.Unwatch(local.Cell, Self));
        }
        _watching.Clear();
        _terminatedQueued.Clear();
    }
}
