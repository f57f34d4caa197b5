using Miner.Models.Splats;
using Akka.Actor;
using Akka.Pattern;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;
using Miner.Actors.Mining.Ledger;
using Miner.Actors.Mining.Metagraph;
using Miner.Actors.Mining.Polling;
using Miner.Actors.Mining.Routing;
using Miner.Actors.Mining.Scoring;
using Miner.Actors.Mining.Submission;
using Miner.Actors.Storage;

namespace Miner.Actors.Mining;

/// <summary>
/// Root of the mining domain (<c>/user/miner</c>): creates scorekeeper, task ledger (with persistence stores only),
/// metagraph, submitter, router, pollers and the GPU pool, in that order so each finds the refs it needs. Children are
/// restarted on failure (the default).
/// </summary>
public sealed class MinerGuardian : IntrospectiveReceiveActor
{
    public const string Name = "miner";

    public MinerGuardian(MinerGuardianSetup setup)
    {
        var options = setup.Options;
        options.Validate();
        var snapshotEvery = setup.Persistence?.SnapshotEvery ?? PersistenceOptions.DefaultSnapshotEvery;
        var scoreKeeper = Context.ActorOf(ScoreKeeperProps(options, snapshotEvery), "scorekeeper");
        var metagraph = Context.ActorOf(Props.Create(() => new MetagraphActor(
            setup.ValidatorSource, setup.MinStakeTao, setup.ResyncInterval, setup.OwnHotkey, scoreKeeper)), "metagraph");
        var ledger = setup.Persistence is not null ? Context.ActorOf(TaskLedgerProps(snapshotEvery), "task-ledger") : null;
        var submitter = Context.ActorOf(Props.Create(() => new Submitter(
            setup.Client, setup.Encoder, scoreKeeper, options.SubmitRetry, setup.DensityBuckets, ledger)), "submitter");
        var router = Context.ActorOf(Props.Create(() => new TaskRouter(submitter, options, null, setup.Random, ledger)), "router");
        Context.ActorOf(Props.Create(() => new PollerSupervisor(
            v => Props.Create(() => new ValidatorPoller(v, setup.Client, router, scoreKeeper, options)), router, metagraph, scoreKeeper)), "pollers");
        Context.ActorOf(Props.Create(() => new PoolSupervisor(setup.Gpus, setup.GpuProps, router)), "gpus");
        ReceiveAny(message =>
        {
            if (ChildFor(message) is { } name && Context.Child(name) is { } child) child.Forward(message);
            else Unhandled(message);
        });
    }

    /// <summary>
    /// The persistent keeper under a backoff supervisor (OnStop): a failed write stops it, it comes back, recovers from
    /// the journal and keeps telling the same subscribers (the one <see cref="ValidatorEventSubscribers"/> in the Props
    /// is shared by every incarnation on purpose). The journal is the system's default persistence plugin.
    /// </summary>
    private static Props ScoreKeeperProps(MiningOptions options, int snapshotEvery)
    {
        var subscribers = new ValidatorEventSubscribers();
        return BackoffSupervisor.Props(Backoff.OnStop(
            Props.Create(() => new ScoreKeeper(options, subscribers, snapshotEvery)), ScoreKeeper.Id,
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0.2, maxNrOfRetries: -1));
    }

    /// <summary>Under a backoff supervisor like the keeper: a failed write stops it, it comes back and recovers.</summary>
    private static Props TaskLedgerProps(int snapshotEvery) => BackoffSupervisor.Props(Backoff.OnStop(
        Props.Create(() => new TaskLedger(snapshotEvery)), TaskLedger.Id, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0.2, maxNrOfRetries: -1));

    /// <summary>Operator messages sent to the guardian reach the child that handles them.</summary>
    private static string? ChildFor(object message) => message switch
    {
        AddToBlacklist or RemoveFromBlacklist or GetLedgerEntry or GetLedgerEntries or GetSuccessRates or GetBlacklist or GetCooldown => "scorekeeper",
        ResyncMetagraph or GetValidatorSet => "metagraph",
        GetInFlightTasks or StopPulling or ResumePulling or WhenDrained or DeclineInFlight => "router",
        GetUnsettledTasks => "task-ledger",
        GetGpus => "gpus",
        _ => null,
    };
}
