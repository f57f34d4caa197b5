using Akka.Actor;
using Akka.Configuration;
using Akka.Event;

namespace Miner.Actors.Akka.Time;

/// <summary>Puts an actor system on virtual time: <see cref="AkkaVirtualScheduler"/> plus a <see cref="DeterministicDispatcher"/>.</summary>
public static class VirtualTime
{
    /// <summary>
    /// The lines that do it. Loggers keep Akka's internal dispatcher (else a 5 s logger start-up stall), persistence
    /// stays in memory (recovery timeouts would run on the virtual clock too) and replays on the same dispatcher, so a
    /// drain covers a persistent actor's recovery.
    /// </summary>
    public const string Hocon = """
        akka.scheduler.implementation = "Miner.Actors.Akka.Time.AkkaVirtualScheduler, Miner.Actors"
        akka.actor.default-dispatcher.type = "Miner.Actors.Akka.Time.DeterministicDispatcherConfigurator, Miner.Actors"
        akka.loggers-dispatcher = akka.actor.internal-dispatcher
        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        akka.persistence.journal.inmem.replay-dispatcher = "akka.actor.default-dispatcher"
        akka.persistence.journal-plugin-fallback.replay-dispatcher = "akka.actor.default-dispatcher"
        akka.stdout-loglevel = WARNING
        akka.loglevel = WARNING
        """;

    public static Config Config => ConfigurationFactory.ParseString(Hocon);

    /// <summary>A virtual clock with no actor system, for models that only need timers.</summary>
    public static AkkaVirtualScheduler StandaloneScheduler() => new(ConfigurationFactory.Empty, NoLogger.Instance);

    /// <summary>
    /// Waits until <paramref name="root"/> and the persistence plugins have started, draining meanwhile, so the tree
    /// is running before time moves. Akka starts a top-level actor (ours under /user, the journal and snapshot store
    /// under /system) through its guardian on another thread; until then messages to it wait, and a drain can return
    /// with the tree half started (measured: without it, runs lost ticks, and a ScoreKeeper could sit unrecovered).
    /// </summary>
    public static void StartTree(ActorSystem system, IActorRef root)
    {
        var persistence = global::Akka.Persistence.Persistence.Instance.Apply(system);
        foreach (var actor in new[] { persistence.JournalFor(null), persistence.SnapshotStoreFor(null), root }) WaitStarted(system, actor);
    }

    /// <summary>Identifies <paramref name="actor"/>, draining until it answers; throws when it is not alive.</summary>
    public static void WaitStarted(ActorSystem system, IActorRef actor)
    {
        var dispatcher = ((AkkaVirtualScheduler)system.Scheduler).Dispatcher
                         ?? throw new InvalidOperationException("the default dispatcher is not a DeterministicDispatcher");
        var identify = actor.Ask<ActorIdentity>(new Identify(actor.Path.Name), Timeout.InfiniteTimeSpan);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!identify.IsCompleted)
        {
            dispatcher.Drain();
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{actor.Path} did not start");
            Thread.Yield();
        }
        if (identify.Result.Subject is null) throw new InvalidOperationException($"{actor.Path} is not alive");
        dispatcher.Drain();
    }
}
