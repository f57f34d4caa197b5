using System.Net;
using Miner.Actors.Generation;
using Akka.Actor;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Ledger;
using Miner.Actors.Mining.Simulation;
using Miner.Actors.Mining.Submission;
using Miner.Models.Bittensor.Wire;
using Miner.Models.Splats;
using Miner.Specs.TestKit;

namespace Miner.Specs.Mining;

/// <summary>The Submitter with a task ledger (a probe here): a submission is written down before it is sent.</summary>
public sealed class SubmitterLedgerSpec : MinerSpec
{
    private readonly SimulatedNetwork _network;
    private readonly ValidatorRules _rules;
    private readonly ValidatorInfo _validator = new(4, "hk4", new AxonTarget(IPAddress.Parse("203.0.113.4"), 9004, "hk4"), 5000);
    private readonly TestProbe _ledger;
    private readonly TestProbe _router;
    private readonly IActorRef _submitter;

    public SubmitterLedgerSpec()
    {
        _network = new SimulatedNetwork(Clock, new SimulatedNetworkSettings { TransportFailureRate = 0, LostReplyShare = 0 }, new Random(1));
        _rules = _network.Add("hk4");
        _ledger = CreateTestProbe("task-ledger");
        _router = CreateTestProbe("router");
        var scoreKeeper = CreateTestProbe("scorekeeper");
        _submitter = StartActor(Props.Create(() => new Submitter(_network, new SimulatedEncoder(), scoreKeeper.Ref, new SubmitRetryOptions(), null, _ledger.Ref)), "submitter");
    }

    private void Submit(GenerationOutcome outcome)
    {
        var task = _rules.Pull(Clock.Now).Task!;
        _router.Send(_submitter, new SubmitRequest(task.Id, _validator, task, outcome,
            outcome == GenerationOutcome.Generated ? new GaussianCloud(200_000, 0) : null, "spec", Clock.Now));
    }

    [Fact]
    public void Nothing_is_sent_before_the_ledger_has_written_the_submission()
    {
        Submit(GenerationOutcome.Generated);
        var record = _ledger.ExpectMsg<RecordTask>();
        Assert.IsType<TaskSubmitted>(record.Event);
        Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, _network.Submissions);
        _ledger.Reply(new TaskRecorded(record.Event.TaskId));
        Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, _network.Submissions);
        Assert.True(_router.ExpectMsg<SubmissionFinished>().Delivered);
    }

    [Fact]
    public void A_decline_is_written_down_as_a_decline()
    {
        Submit(GenerationOutcome.Declined);
        Assert.IsType<TaskDeclined>(_ledger.ExpectMsg<RecordTask>().Event);
    }

    [Fact]
    public void A_silent_ledger_delays_the_submission_by_the_record_timeout_only()
    {
        Submit(GenerationOutcome.Generated);
        _ledger.ExpectMsg<RecordTask>();
        Advance(new SubmitRetryOptions().RecordTimeout - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, _network.Submissions);
        Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _network.Submissions);
    }

    [Fact]
    public void A_retry_is_not_written_down_again()
    {
        _network.FailWhen = call => call == "submit" && _network.Submissions == 1;
        Submit(GenerationOutcome.Generated);
        var record = _ledger.ExpectMsg<RecordTask>();
        _ledger.Reply(new TaskRecorded(record.Event.TaskId));
        Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, _network.Submissions);
        ExpectNoMsgSettled(_ledger);
    }
}
