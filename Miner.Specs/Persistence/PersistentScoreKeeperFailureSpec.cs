using System.Net;
using Akka.Actor;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Scoring;
using Miner.Actors.Storage;
using Miner.Models.Bittensor.Wire;
using Miner.Models.Protocol;
using Miner.Models.Splats;

namespace Miner.Specs.Persistence;

/// <summary>The persistent ScoreKeeper under a backoff supervisor, with a failing journal and automatic snapshots.</summary>
public sealed class PersistentScoreKeeperFailureSpec : PersistenceSpec
{
    private static readonly ValidatorInfo Validator = new(9, "hk9", new AxonTarget(IPAddress.Parse("203.0.113.9"), 9009, "hk9"), 5000);
    private static readonly MiningOptions Options = new() { Blacklist = { NoAcceptWindow = 5 } };

    public PersistentScoreKeeperFailureSpec() : base(snapshotEvery: 2) { }

    private void Report(IActorRef keeper, string taskId, double score) =>
        keeper.Tell(new SubmissionReported(Validator, taskId, false,
            SubmitReply.Answered(new Feedback { TaskFidelityScore = score }, Clock.Now.AddSeconds(270)), DensityBucket.Dense));

    private ValidatorLedgerEntry EntryOf(IActorRef keeper) =>
        Await(keeper.Ask<LedgerEntryReply>(new GetLedgerEntry("hk9"), TimeSpan.FromSeconds(5))).Entry!;

    [Fact]
    public void A_failed_journal_write_restarts_the_keeper_by_backoff_with_its_state_and_subscribers()
    {
        var subscribers = new ValidatorEventSubscribers();
        var keeper = StartActor(BackoffSupervisor.Props(new BackoffOptions(
            Props.Create(() => new ScoreKeeper(Options, Stores, subscribers)), ScoreKeeper.Id,
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0) { Mode = BackoffMode.OnStop }), "scorekeeper-backoff");
        var poller = CreateTestProbe("poller");
        keeper.Tell(new SubscribeValidatorEvents(poller.Ref, ValidatorEvents.All));
        Report(keeper, "t1", 0.8);
        poller.ExpectMsg<ValidatorCooldownKnown>();
        Assert.Equal(1, EntryOf(keeper).Submissions); // answered once t1 is written
        Journal.Writes.Fail(times: 1);
        Report(keeper, "t2", 0.9);
        AwaitAssert(() => Assert.Null(Await(keeper.Ask<BackoffSupervisor.CurrentChild>(
            BackoffSupervisor.GetCurrentChild.Instance, TimeSpan.FromSeconds(1))).Ref)); // the keeper stopped
        poller.ExpectMsg<ValidatorCooldownKnown>(); // announced before the write (conservative), but not applied
        Advance(TimeSpan.FromSeconds(2));
        var entry = EntryOf(keeper);
        Assert.Equal((1, 0.8), (entry.Submissions, entry.LastScore));
        Report(keeper, "t3", 0.7);
        poller.FishForMessage<ValidatorCooldownKnown>(_ => true); // the new incarnation still tells the same subscriber
        Assert.Equal(2, EntryOf(keeper).Submissions);
    }

    [Fact]
    public void Every_snapshot_every_events_the_ledger_is_snapshotted_and_a_new_keeper_recovers_from_it()
    {
        var first = StartActor(Props.Create(() => new ScoreKeeper(Options, null, null)), "first");
        Report(first, "t1", 0.8);
        Report(first, "t2", 0);
        Assert.Equal(2, EntryOf(first).Submissions);
        AwaitAssert(() => Assert.Equal(2, LatestSnapshot(ScoreKeeper.Id)?.SequenceNr));
        Sys.Stop(first);
        Drain();
        Await(Journal.Inner.DeleteUpToAsync(ScoreKeeper.Id, 2)); // only the snapshot is left to recover from
        var second = StartActor(Props.Create(() => new ScoreKeeper(Options, null, null)), "second");
        var entry = EntryOf(second);
        Assert.Equal((2, 1, 1, 0.0), (entry.Submissions, entry.Accepted, entry.Failed, entry.LastScore));
    }
}
