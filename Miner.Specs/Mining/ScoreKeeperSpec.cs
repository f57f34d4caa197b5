using System.Net;
using Akka.Actor;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Actors.Storage;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Scoring;
using Miner.Models.Bittensor.Wire;
using Miner.Models.Protocol;
using Miner.Models.Splats;
using Miner.Specs.TestKit;

namespace Miner.Specs.Mining;

public sealed class ScoreKeeperSpec : MinerSpec
{
    private readonly ValidatorInfo _validator = new(9, "hk9", new AxonTarget(IPAddress.Parse("203.0.113.9"), 9009, "hk9"), 5000);
    private readonly IActorRef _keeper;
    private readonly TestProbe _subscriber;

    public ScoreKeeperSpec()
    {
        var options = new MiningOptions { Blacklist = { NoAcceptWindow = 2, Period = TimeSpan.FromHours(1) } };
        _keeper = StartActor(Props.Create(() => new ScoreKeeper(options, new ValidatorEventSubscribers(), 500)), "scorekeeper");
        _subscriber = CreateTestProbe("subscriber");
        _keeper.Tell(new SubscribeValidatorEvents(_subscriber.Ref, ValidatorEvents.All));
    }

    private void Report(double score) =>
        _keeper.Tell(new SubmissionReported(_validator, Guid.NewGuid().ToString(), false,
            SubmitReply.Answered(new Feedback { TaskFidelityScore = score }, Clock.Now.AddSeconds(270)), DensityBucket.Sparse));

    [Fact]
    public void Every_validators_entry_is_given_on_request()
    {
        Report(0.8);
        _keeper.Tell(new PullReported(_validator with { Uid = 10, Hotkey = "hk10" }, PullReply.Failed("refused")));
        TestActor.Send(_keeper, new GetLedgerEntries());
        var entries = TestActor.ExpectMsg<LedgerEntries>().Entries;
        Assert.Equal(["hk10", "hk9"], entries.Select(e => e.Hotkey).Order());
        Assert.Equal(1, entries.Single(e => e.Hotkey == "hk9").Accepted);
    }

    [Fact]
    public void A_submission_answer_tells_subscribers_the_cooldown()
    {
        Report(0.8);
        Assert.Equal(Clock.Now.AddSeconds(270), _subscriber.ExpectMsg<ValidatorCooldownKnown>().Until);
    }

    [Fact]
    public void A_given_up_submission_holds_the_validator_as_long_as_the_cooldown_it_may_have_set()
    {
        _keeper.Tell(new SubmissionGivenUp(_validator, "t", "no answer", true));
        var known = _subscriber.ExpectMsg<ValidatorCooldownKnown>();
        Assert.Equal((Clock.Now.AddMinutes(16), "t"), (known.Until, known.TaskId));
    }

    [Fact]
    public void A_subscriber_hears_only_the_events_it_asked_for()
    {
        var metagraph = CreateTestProbe("metagraph");
        _keeper.Tell(new SubscribeValidatorEvents(metagraph.Ref, ValidatorEvents.BlacklistChanges));
        Report(0);
        Report(0);
        Assert.True(metagraph.ExpectMsg<BlacklistChanged>().Blacklisted); // the two cooldowns before it were not sent
        metagraph.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void The_rule_blacklists_and_expiry_restores_with_notifications()
    {
        Report(0);
        Report(0);
        _subscriber.ExpectMsg<ValidatorCooldownKnown>();
        _subscriber.ExpectMsg<ValidatorCooldownKnown>();
        Assert.True(_subscriber.ExpectMsg<BlacklistChanged>().Blacklisted);
        Advance(TimeSpan.FromMinutes(61));
        var restored = _subscriber.ExpectMsg<BlacklistChanged>();
        Assert.False(restored.Blacklisted);
        Assert.Contains("expired", restored.Reason);
    }

    [Fact]
    public void Ledger_and_success_rates_can_be_asked_for()
    {
        Report(0.8);
        Report(0);
        var entry = Await(_keeper.Ask<LedgerEntryReply>(new GetLedgerEntry("hk9"), TimeSpan.FromSeconds(1))).Entry!;
        Assert.Equal((2, 1, 1), (entry.Submissions, entry.Accepted, entry.Failed));
        var rates = Await(_keeper.Ask<SuccessRates>(new GetSuccessRates(), TimeSpan.FromSeconds(1)));
        Assert.Equal(new SuccessRate(2, 1), rates.Overall);
        Assert.Equal(new SuccessRate(2, 1), rates.ByBucket[DensityBucket.Sparse]);
    }

    [Fact]
    public void A_manual_blacklisting_is_announced_and_removing_it_restores_the_validator()
    {
        _keeper.Tell(new AddToBlacklist("hk9", 9, "operator says so"));
        var added = _subscriber.ExpectMsg<BlacklistChanged>();
        Assert.True(added.Blacklisted);
        Assert.Contains("manual: operator says so", added.Reason);
        Advance(TimeSpan.FromDays(7));
        ExpectNoMsgSettled(_subscriber);
        _keeper.Tell(new RemoveFromBlacklist("hk9"));
        Assert.False(_subscriber.ExpectMsg<BlacklistChanged>().Blacklisted);
    }

    [Fact]
    public void A_configured_blacklist_entry_cannot_be_removed_by_message()
    {
        var options = new MiningOptions { Blacklist = { Uids = [180] } };
        var keeper = StartActor(Props.Create(() => new ScoreKeeper(options, new ValidatorEventSubscribers(), 500)), "configured");
        keeper.Tell(new RemoveFromBlacklist("hk180"));
        var blacklist = Await(keeper.Ask<BlacklistSnapshot>(new GetBlacklist(), TimeSpan.FromSeconds(1)));
        Assert.Contains("uid 180", blacklist.ReasonFor("hk180", 180));
    }
}
