using Miner.Actors.Mining.Edge;
using Miner.Models.Bittensor.Wire;
using Miner.Models.Protocol;

namespace Miner.Specs.Mining;

public sealed class DendriteValidatorClientSpec
{
    private static DendriteOutcome<PullTask> Pull(PullTask? synapse, DendriteStatus status = DendriteStatus.Ok) =>
        new(status, synapse is null ? null : 200, null, synapse, TimeSpan.FromMilliseconds(5));

    private static DendriteOutcome<SubmitResults> Submit(SubmitResults? synapse, DendriteStatus status = DendriteStatus.Ok) =>
        new(status, 200, "msg", synapse, TimeSpan.FromMilliseconds(5));

    private static SubmitResults Answer(Feedback? feedback, long cooldown) => new() { Results = "", SubmitTime = 1, Signature = "", Feedback = feedback, CooldownUntil = cooldown };

    [Fact]
    public void A_pull_with_a_task_maps_to_the_task()
    {
        var task = ProtocolTask.Text("t1", "a red apple");
        var reply = DendriteValidatorClient.MapPull(Pull(new PullTask { Task = task }));
        Assert.Equal((PullReplyKind.Task, task), (reply.Kind, reply.Task));
    }

    [Fact]
    public void A_pull_without_task_maps_to_its_cooldown_or_to_empty()
    {
        var cooldown = DendriteValidatorClient.MapPull(Pull(new PullTask { CooldownUntil = 1_767_225_900, CooldownViolations = 3 }));
        Assert.Equal(PullReplyKind.Cooldown, cooldown.Kind);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_767_225_900), cooldown.CooldownUntil);
        Assert.Equal(3, cooldown.Violations);
        Assert.Equal(PullReplyKind.Empty, DendriteValidatorClient.MapPull(Pull(new PullTask())).Kind);
    }

    [Fact]
    public void A_failed_call_maps_to_a_transport_error()
    {
        Assert.Equal(PullReplyKind.TransportError, DendriteValidatorClient.MapPull(Pull(null, DendriteStatus.Timeout)).Kind);
        Assert.Equal(SubmitReplyKind.TransportError, DendriteValidatorClient.MapSubmit(Submit(null, DendriteStatus.ServerError)).Kind);
    }

    [Fact]
    public void A_blacklisted_submission_is_refused_not_retried()
    {
        Assert.Equal(SubmitReplyKind.Refused, DendriteValidatorClient.MapSubmit(Submit(null, DendriteStatus.Blacklisted)).Kind);
    }

    [Fact]
    public void A_submission_answer_carries_feedback_and_cooldown()
    {
        var feedback = new Feedback { TaskFidelityScore = 0.9 };
        var reply = DendriteValidatorClient.MapSubmit(Submit(Answer(feedback, 1_767_225_900)));
        Assert.Equal((SubmitReplyKind.Answered, feedback), (reply.Kind, reply.Feedback));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_767_225_900), reply.CooldownUntil);
        var noFeedback = DendriteValidatorClient.MapSubmit(Submit(Answer(null, 0)));
        Assert.Equal((SubmitReplyKind.NoFeedback, (DateTimeOffset?)null), (noFeedback.Kind, noFeedback.CooldownUntil));
    }

    [Fact]
    public void A_hostile_cooldown_value_is_clamped_not_thrown()
    {
        var reply = DendriteValidatorClient.MapPull(Pull(new PullTask { CooldownUntil = long.MaxValue }));
        Assert.Equal(PullReplyKind.Cooldown, reply.Kind);
    }
}
