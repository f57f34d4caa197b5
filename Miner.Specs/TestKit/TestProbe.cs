using System.Collections.Concurrent;
using Miner.Actors.Kernel;
using Xunit.Sdk;

namespace Miner.Specs.TestKit;

/// <summary>A scriptable actor: it records what it receives so the spec can expect, reply and forward.</summary>
public sealed class TestProbe
{
    private readonly ActorSpec _kit;
    private readonly ConcurrentQueue<Envelope> _received = new();

    internal TestProbe(ActorSpec kit, string name)
    {
        _kit = kit;
        Ref = kit.Sys.ActorOf(Props.Create(() => new ProbeActor(this)), name);
    }

    public IActorRef Ref { get; }
    public IActorRef LastSender { get; private set; } = null!;
    public int Pending => _received.Count;

    /// <summary>Sends <paramref name="message"/> to <paramref name="target"/> with this probe as sender.</summary>
    public void Send(IActorRef target, object message) => target.Tell(message, Ref);

    public void Reply(object message) => LastSender.Tell(message, Ref);

    public void Forward(IActorRef target, object message) => target.Tell(message, LastSender);

    public void Watch(IActorRef target)
    {
        Ref.Tell(new ProbeActor.WatchCommand(target));
        _kit.Drain();
    }

    public void Unwatch(IActorRef target)
    {
        Ref.Tell(new ProbeActor.UnwatchCommand(target));
        _kit.Drain();
    }

    public T ExpectMsg<T>(Func<T, bool>? predicate = null, TimeSpan? timeout = null)
    {
        var envelope = Next(timeout, $"a {typeof(T).Name}");
        if (envelope.Message is not T typed)
            throw new XunitException($"expected {typeof(T).Name} but received {Describe(envelope.Message)}");
        if (predicate is not null && !predicate(typed))
            throw new XunitException($"received {Describe(typed)} but it did not match the predicate");
        return typed;
    }

    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null)
    {
        var received = ExpectMsg<T>(null, timeout);
        if (!Equals(received, expected)) throw new XunitException($"expected {Describe(expected)} but received {Describe(received)}");
        return received;
    }

    /// <summary>Fails if anything arrives: drains pending turns (and with real threads waits <paramref name="duration"/>).</summary>
    public void ExpectNoMsg(TimeSpan? duration = null)
    {
        if (_kit.Dispatcher is null) Thread.Sleep(duration ?? TimeSpan.FromMilliseconds(100));
        _kit.Drain();
        if (_received.TryPeek(out var envelope)) throw new XunitException($"expected no message but received {Describe(envelope.Message)}");
    }

    /// <summary>Skips messages until one of type <typeparamref name="T"/> matches <paramref name="predicate"/>.</summary>
    public T FishForMessage<T>(Func<T, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? ActorSpec.DefaultTimeout);
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            var envelope = Next(left > TimeSpan.Zero ? left : TimeSpan.Zero, $"a {typeof(T).Name} matching the predicate");
            if (envelope.Message is T typed && predicate(typed)) return typed;
        }
    }

    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null) =>
        ExpectMsg<Terminated>(t => t.ActorRef.Equals(target), timeout);

    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null) =>
        Enumerable.Range(0, count).Select(_ => Next(timeout, $"{count} messages").Message).ToArray();

    internal void Enqueue(in Envelope envelope)
    {
        _received.Enqueue(envelope);
    }

    private Envelope Next(TimeSpan? timeout, string what)
    {
        var arrived = _kit.WaitUntil(() => !_received.IsEmpty, timeout ?? ActorSpec.DefaultTimeout);
        if (!arrived || !_received.TryDequeue(out var envelope))
            throw new XunitException($"timeout waiting for {what} at {Ref.Path}");
        LastSender = envelope.Sender;
        return envelope;
    }

    private static string Describe(object? message) => message is null ? "null" : $"{message.GetType().Name} {message}";
}
