using Akka;
using Akka.Actor;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Mining.Routing;

namespace Miner.Host.Runtime;

/// <summary>
/// The mining phases of Akka's coordinated shutdown, then the usual ones:
/// <list type="number">
/// <item><c>service-unbind</c>: the router stops pulling; tasks no GPU has yet are declined.</item>
/// <item><c>service-requests-done</c>: tasks in flight finish and are submitted; when the phase's time runs out, the
/// rest are declined (empty submission, no penalty) and their submissions awaited.</item>
/// <item><c>service-stop</c>: the mining tree stops gracefully: persistent actors finish the writes they started
/// (the journal is flushed) before they stop.</item>
/// </list>
/// Phase timeouts are Akka's settings (<c>akka.coordinated-shutdown.phases.*.timeout</c>).
/// </summary>
public static class MiningShutdown
{
    /// <summary>Registers the mining phases for the tree under <paramref name="guardian"/>.</summary>
    public static void Register(ActorSystem system, IActorRef guardian)
    {
        var shutdown = CoordinatedShutdown.Get(system);
        var requestsDone = shutdown.Timeout(CoordinatedShutdown.PhaseServiceRequestsDone);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "stop-pulling", async () =>
        {
            await guardian.Ask<PullingStopped>(StopPulling.Instance, shutdown.Timeout(CoordinatedShutdown.PhaseServiceUnbind)).ConfigureAwait(false);
            return Done.Instance;
        });
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "finish-in-flight", async () =>
        {
            // Finish what is in flight in 3/4 of the phase, then decline the rest and wait for those submissions.
            var finish = TimeSpan.FromTicks(requestsDone.Ticks * 3 / 4);
            try
            {
                await guardian.Ask<Drained>(WhenDrained.Instance, finish).ConfigureAwait(false);
            }
            catch (AskTimeoutException)
            {
                guardian.Tell(new DeclineInFlight($"the miner is shutting down and the task did not finish within {finish.TotalSeconds:0.#} s"));
                await guardian.Ask<Drained>(WhenDrained.Instance, requestsDone - finish).ConfigureAwait(false);
            }
            return Done.Instance;
        });
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "stop-mining-tree", async () =>
        {
            await guardian.GracefulStop(shutdown.Timeout(CoordinatedShutdown.PhaseServiceStop)).ConfigureAwait(false);
            return Done.Instance;
        });
    }

    /// <summary>
    /// Runs coordinated shutdown, waiting at most <paramref name="timeout"/>: a process that must exit (a service
    /// manager's stop) is not held by one stuck handler. When it runs out, names the actors that did not answer.
    /// </summary>
    public static async Task<ShutdownReport> RunAsync(ActorSystem system, IActorRef guardian, TimeSpan timeout, CoordinatedShutdown.Reason reason)
    {
        var done = CoordinatedShutdown.Get(system).Run(reason);
        if (await Task.WhenAny(done, Task.Delay(timeout)).ConfigureAwait(false) == done && system.WhenTerminated.IsCompleted) return ShutdownReport.InTime;
        if (await Task.WhenAny(system.WhenTerminated, Task.Delay(TimeSpan.FromSeconds(1))).ConfigureAwait(false) == system.WhenTerminated)
            return ShutdownReport.InTime;
        IReadOnlyList<UnresponsiveActor> stuck = [];
        try
        {
            stuck = (await IntrospectionClient.SnapshotAsync(guardian, TimeSpan.FromSeconds(2)).ConfigureAwait(false)).AllUnresponsive().ToList();
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
        {
            stuck = [new UnresponsiveActor(guardian.Path.ToStringWithoutAddress(), null, "did not answer")];
        }
        return new ShutdownReport(false, stuck);
    }
}
