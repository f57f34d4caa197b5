using System.Net;
using Akka.Actor;
using Akka.Pattern;
using Akka.Persistence.TestKit;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Scoring;
using Miner.Models.Bittensor.Wire;
using Miner.Models.Protocol;
using Miner.Models.Splats;
using Miner.Specs.TestKit.Akka;

namespace Miner.Specs.Persistence;

/// <summary>The persistent ScoreKeeper under its backoff supervisor when a journal write fails (Akka.Persistence.TestKit's journal).</summary>
public sealed class PersistentScoreKeeperFailureSpec() : MinerSpec(TestJournalHocon)
{
    private static readonly ValidatorInfo Validator = new(9, "hk9", new AxonTarget(IPAddress.Parse("203.0.113.9"), 9009, "hk9"), 5000);
    private static readonly MiningOptions Options = new() { Blacklist = { NoAcceptWindow = 5 } };

    private void Report(IActorRef keeper, string taskId, double score) =>
        keeper.Tell(new SubmissionReported(Validator, taskId, false,
            SubmitReply.Answered(new Feedback { TaskFidelityScore = score }, Clock.Now.AddSeconds(270)), DensityBucket.Dense));

    private ValidatorLedgerEntry EntryOf(IActorRef keeper) =>
        Await(keeper.Ask<LedgerEntryReply>(new GetLedgerEntry("hk9"), TimeSpan.FromSeconds(5))).Entry!;

    [Fact]
    public void A_failed_journal_write_restarts_the_keeper_by_backoff_with_its_state_and_subscribers()
    {
        var journal = TestJournal.FromRef(global::Akka.Persistence.Persistence.Instance.Apply(Sys).JournalFor(null));
        var subscribers = new ValidatorEventSubscribers();
        var keeper = StartActor(BackoffSupervisor.Props(Backoff.OnStop(
            Props.Create(() => new ScoreKeeper(Options, subscribers, 500)), ScoreKeeper.Id,
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0, maxNrOfRetries: -1)), "scorekeeper-backoff");
        var poller = CreateTestProbe("poller");
        keeper.Tell(new SubscribeValidatorEvents(poller.Ref, ValidatorEvents.All));
        Report(keeper, "t1", 0.8);
        poller.ExpectMsg<ValidatorCooldownKnown>();
        Assert.Equal(1, EntryOf(keeper).Submissions); // answered once t1 is written
        Await(journal.OnWrite.FailIf(write => write.Payload is SubmissionAnswered { TaskId: "t2" }));
        Report(keeper, "t2", 0.9);
        AwaitAssert(() => Assert.Equal(ActorRefs.Nobody, Await(keeper.Ask<BackoffSupervisor.CurrentChild>(
            BackoffSupervisor.GetCurrentChild.Instance, TimeSpan.FromSeconds(1))).Ref ?? ActorRefs.Nobody)); // the keeper stopped
        poller.ExpectMsg<ValidatorCooldownKnown>(); // announced before the write (conservative), but not applied
        Await(journal.OnWrite.Pass());
        Advance(TimeSpan.FromSeconds(2));
        var entry = EntryOf(keeper);
        Assert.Equal((1, 0.8), (entry.Submissions, entry.LastScore));
        Report(keeper, "t3", 0.7);
        poller.FishForMessage<ValidatorCooldownKnown>(_ => true); // the new incarnation still tells the same subscriber
        Assert.Equal(2, EntryOf(keeper).Submissions);
    }
}
