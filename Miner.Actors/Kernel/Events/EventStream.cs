using System.Collections.Immutable;

namespace Miner.Actors.Kernel;

/// <summary>
/// Publish/subscribe by type: a subscription to a type also receives its subclasses and implementations.
/// Actor subscribers that have stopped are dropped at the next publish; callback subscribers run on the
/// publishing thread and must be quick (the host's log bridge is one).
/// </summary>
public sealed class EventStream
{
    private ImmutableArray<Subscription> _subscriptions = ImmutableArray<Subscription>.Empty;

    public void Subscribe(IActorRef subscriber, Type channel) =>
        ImmutableInterlocked.Update(ref _subscriptions, s => s.Add(new Subscription(channel, subscriber, null)));

    public void Unsubscribe(IActorRef subscriber) =>
        ImmutableInterlocked.Update(ref _subscriptions, s => s.RemoveAll(x => Equals(x.Actor, subscriber)));

    public void Unsubscribe(IActorRef subscriber, Type channel) =>
        ImmutableInterlocked.Update(ref _subscriptions, s => s.RemoveAll(x => Equals(x.Actor, subscriber) && x.Channel == channel));

    /// <summary>Calls <paramref name="handler"/> for every published event assignable to <typeparamref name="T"/> until disposed.</summary>
    public IDisposable Subscribe<T>(Action<T> handler)
    {
        var subscription = new Subscription(typeof(T), null, e => handler((T)e));
        ImmutableInterlocked.Update(ref _subscriptions, s => s.Add(subscription));
        return new Unsubscriber(this, subscription);
    }

    public void Publish(object evt)
    {
        var type = evt.GetType();
        foreach (var subscription in _subscriptions)
        {
            if (!subscription.Channel.IsAssignableFrom(type)) continue;
            if (subscription.Callback is { } callback)
            {
                callback(evt);
            }
            else if (subscription.Actor is LocalActorRef { IsTerminated: true })
            {
                var stale = subscription;
                ImmutableInterlocked.Update(ref _subscriptions, s => s.Remove(stale));
            }
            else
            {
                subscription.Actor!.Tell(evt);
            }
        }
    }

    private sealed record Subscription(Type Channel, IActorRef? Actor, Action<object>? Callback);

    private sealed class Unsubscriber(EventStream stream, Subscription subscription) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref stream._subscriptions, s => s.Remove(subscription));
    }
}
