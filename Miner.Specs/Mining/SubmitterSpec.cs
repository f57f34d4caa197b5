using System.Net;
using Miner.Actors.Generation;
using Akka.Actor;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Scoring;
using Miner.Actors.Mining.Simulation;
using Miner.Actors.Mining.Submission;
using Miner.Models.Bittensor.Wire;
using Miner.Models.Protocol;
using Miner.Models.Splats;
using Miner.Specs.TestKit;

namespace Miner.Specs.Mining;

public sealed class SubmitterSpec : MinerSpec
{
    private readonly SimulatedNetwork _network;
    private readonly ValidatorRules _rules;
    private readonly ValidatorInfo _validator = new(4, "hk4", new AxonTarget(IPAddress.Parse("203.0.113.4"), 9004, "hk4"), 5000);
    private readonly TestProbe _scoreKeeper;
    private readonly TestProbe _router;
    private readonly IActorRef _submitter;
    private readonly SubmitRetryOptions _retry = new();

    public SubmitterSpec()
    {
        _network = new SimulatedNetwork(Clock, new SimulatedNetworkSettings { TransportFailureRate = 0, LostReplyShare = 0 }, new Random(1));
        _rules = _network.Add("hk4");
        _scoreKeeper = CreateTestProbe("scorekeeper");
        _router = CreateTestProbe("router");
        _submitter = StartActor(Props.Create(() => new Submitter(_network, new SimulatedEncoder(), _scoreKeeper.Ref, _retry, null)), "submitter");
    }

    private SubmitRequest Request(GenerationOutcome outcome = GenerationOutcome.Generated)
    {
        var task = _rules.Pull(Clock.Now).Task ?? throw new InvalidOperationException("validator on cooldown");
        return new SubmitRequest(task.Id, _validator, task, outcome, outcome == GenerationOutcome.Generated ? new GaussianCloud(200_000, 0) : null, "spec", Clock.Now);
    }

    [Fact]
    public void A_result_is_submitted_once_and_its_feedback_goes_to_the_scorekeeper_and_the_router()
    {
        var request = Request();
        _router.Send(_submitter, request);
        Advance(TimeSpan.FromSeconds(10));
        var report = _scoreKeeper.ExpectMsg<SubmissionReported>();
        Assert.Equal((request.TaskId, false, DensityBucket.Medium), (report.TaskId, report.Declined, report.Bucket));
        Assert.Equal(0.8, report.Reply.Feedback!.TaskFidelityScore);
        var finished = _router.ExpectMsg<SubmissionFinished>();
        Assert.True(finished.Delivered && finished.Accepted);
        Assert.Equal(1, _rules.Accepted);
    }

    [Fact]
    public void Declines_cost_no_penalty()
    {
        _router.Send(_submitter, Request(GenerationOutcome.Declined));
        Advance(TimeSpan.FromSeconds(10));
        Assert.True(_scoreKeeper.ExpectMsg<SubmissionReported>().Declined);
        Assert.Equal((1, 0), (_rules.Declined, _rules.Penalties));
    }

    [Fact]
    public void A_transport_error_is_retried_and_the_validator_settles_the_task_once()
    {
        var failures = 2;
        _network.FailWhen = _ => failures-- > 0 && true;
        var request = Request();
        _router.Send(_submitter, request);
        Advance(TimeSpan.FromMinutes(2));
        _scoreKeeper.ExpectMsg<SubmissionReported>();
        Assert.True(_router.ExpectMsg<SubmissionFinished>().Delivered);
        Assert.Equal(1, _rules.SettledCount[request.TaskId]);
    }

    [Fact]
    public void Submitter_never_makes_two_submissions_for_one_task_id()
    {
        var request = Request();
        _router.Send(_submitter, request);
        _router.Send(_submitter, request);
        var duplicate = _router.ExpectMsg<SubmissionFinished>();
        Assert.Contains("duplicate", duplicate.Detail);
        Advance(TimeSpan.FromSeconds(10));
        _router.ExpectMsg<SubmissionFinished>(f => f.Delivered);
        _router.Send(_submitter, request);
        Assert.Contains("duplicate", _router.ExpectMsg<SubmissionFinished>().Detail);
        Assert.Equal(1, _network.Submissions);
    }

    [Fact]
    public void A_submission_with_no_answer_is_given_up_after_the_retry_budget()
    {
        _network.FailWhen = _ => true;
        var request = Request();
        _router.Send(_submitter, request);
        Advance(TimeSpan.FromMinutes(15));
        var givenUp = _scoreKeeper.ExpectMsg<SubmissionGivenUp>();
        Assert.True(givenUp.TransportFailure);
        Assert.False(_router.ExpectMsg<SubmissionFinished>().Delivered);
        Assert.Equal(_retry.Attempts, _network.Submissions);
    }

    [Fact]
    public void A_retry_after_a_lost_reply_is_refused_and_the_task_was_settled_once()
    {
        var network = new SimulatedNetwork(Clock, new SimulatedNetworkSettings { TransportFailureRate = 0, LostReplyShare = 1 }, new Random(1));
        var rules = network.Add("hk4");
        var submitter = StartActor(Props.Create(() => new Submitter(network, new SimulatedEncoder(), _scoreKeeper.Ref, _retry, null)), "lossy");
        var first = true;
        network.FailWhen = _ => first && !(first = false);
        var task = rules.Pull(Clock.Now).Task!;
        _router.Send(submitter, new SubmitRequest(task.Id, _validator, task, GenerationOutcome.Generated, new GaussianCloud(8000, 0), "spec", Clock.Now));
        Advance(TimeSpan.FromMinutes(2));
        Assert.False(_scoreKeeper.ExpectMsg<SubmissionGivenUp>().TransportFailure);
        Assert.Equal((1, 1), (rules.SettledCount[task.Id], rules.RefusedSubmissions));
    }

    [Fact]
    public void A_refused_submission_is_not_retried()
    {
        var task = ProtocolTask.Text("never-assigned", "x");
        _router.Send(_submitter, new SubmitRequest(task.Id, _validator, task, GenerationOutcome.Declined, null, "spec", Clock.Now));
        Advance(TimeSpan.FromMinutes(15));
        Assert.False(_scoreKeeper.ExpectMsg<SubmissionGivenUp>().TransportFailure);
        Assert.Equal(1, _network.Submissions);
    }
}
