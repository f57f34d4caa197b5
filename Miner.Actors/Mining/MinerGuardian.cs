using Miner.Models.Splats;
using Miner.Actors.Kernel;
using Miner.Actors.Mining.Ledger;
using Miner.Actors.Mining.Metagraph;
using Miner.Actors.Mining.Polling;
using Miner.Actors.Mining.Routing;
using Miner.Actors.Mining.Scoring;
using Miner.Actors.Mining.Submission;
using Miner.Actors.Persistence;
using Miner.Actors.Storage;

namespace Miner.Actors.Mining;

/// <summary>
/// Root of the mining domain (<c>/user/miner</c>): creates scorekeeper, task ledger (with persistence stores only),
/// metagraph, submitter, router, pollers and the GPU pool, in that order so each finds the refs it needs. Children are
/// restarted on failure (the default).
/// </summary>
public sealed class MinerGuardian : ReceiveActor
{
    public const string Name = "miner";

    public MinerGuardian(MinerGuardianSetup setup)
    {
        var options = setup.Options;
        options.Validate();
        var scoreKeeper = Context.ActorOf(ScoreKeeperProps(options, setup.Persistence), "scorekeeper");
        var metagraph = Context.ActorOf(Props.Create(() => new MetagraphActor(
            setup.ValidatorSource, setup.MinStakeTao, setup.ResyncInterval, setup.OwnHotkey, scoreKeeper)), "metagraph");
        var ledger = setup.Persistence is { } stores ? Context.ActorOf(TaskLedgerProps(stores), "task-ledger") : null;
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
    /// the journal and keeps telling the same subscribers. Without stores its journal is in memory (devnet, specs).
    /// </summary>
    private static Props ScoreKeeperProps(MiningOptions options, PersistenceStores? stores)
    {
        var keeperStores = stores ?? PersistenceStores.InMemory();
        var subscribers = new ValidatorEventSubscribers();
        return BackoffSupervisor.Props(new BackoffOptions(
            Props.Create(() => new ScoreKeeper(options, keeperStores, subscribers)), ScoreKeeper.Id,
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0.2) { Mode = BackoffMode.OnStop });
    }

    /// <summary>Under a backoff supervisor like the keeper: a failed write stops it, it comes back and recovers.</summary>
    private static Props TaskLedgerProps(PersistenceStores stores) => BackoffSupervisor.Props(new BackoffOptions(
        Props.Create(() => new TaskLedger(stores)), TaskLedger.Id, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0.2) { Mode = BackoffMode.OnStop });

    /// <summary>Operator messages sent to the guardian reach the child that handles them.</summary>
    private static string? ChildFor(object message) => message switch
    {
        AddToBlacklist or RemoveFromBlacklist or GetLedgerEntry or GetLedgerEntries or GetSuccessRates or GetBlacklist or GetCooldown => "scorekeeper",
        ResyncMetagraph or GetValidatorSet => "metagraph",
        GetInFlightTasks => "router",
        GetUnsettledTasks => "task-ledger",
        GetGpus => "gpus",
        _ => null,
    };
}
