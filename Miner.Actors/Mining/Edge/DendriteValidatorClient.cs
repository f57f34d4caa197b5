using Miner.Models.Bittensor.Wire;
using Miner.Models.Protocol;

namespace Miner.Actors.Mining.Edge;

/// <summary>
/// <see cref="IValidatorClient"/> over the real <see cref="Dendrite"/>: maps each <see cref="DendriteOutcome{T}"/> to a
/// small reply record. The dendrite signs the licence declaration (<see cref="Dendrite.Submission"/>) per call.
/// </summary>
public sealed class DendriteValidatorClient(Dendrite dendrite) : IValidatorClient
{
    public async Task<PullReply> PullAsync(ValidatorInfo validator, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var outcome = await dendrite.PullTaskAsync(validator.Axon, cancellation).ConfigureAwait(false);
        return MapPull(outcome);
    }

    public async Task<SubmitReply> SubmitAsync(ValidatorInfo validator, ProtocolTask task, ReadOnlyMemory<byte> spz, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var outcome = await dendrite.SubmitResultsAsync(validator.Axon, task, spz, cancellation).ConfigureAwait(false);
        return MapSubmit(outcome);
    }

    public static PullReply MapPull(DendriteOutcome<PullTask> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!outcome.IsOk || outcome.Synapse is not { } pull) return PullReply.Failed(outcome.ToString());
        if (pull.Task is { } task) return PullReply.WithTask(task);
        return pull.CooldownUntil > 0
            ? PullReply.OnCooldown(FromUnixSeconds(pull.CooldownUntil), pull.CooldownViolations)
            : PullReply.Nothing();
    }

    public static SubmitReply MapSubmit(DendriteOutcome<SubmitResults> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Status == DendriteStatus.Blacklisted) return SubmitReply.Refused(outcome.ToString());
        if (!outcome.IsOk || outcome.Synapse is not { } answer) return SubmitReply.Failed(outcome.ToString());
        DateTimeOffset? cooldown = answer.CooldownUntil > 0 ? FromUnixSeconds(answer.CooldownUntil) : null;
        return answer.Feedback is { } feedback ? SubmitReply.Answered(feedback, cooldown) : SubmitReply.WithoutFeedback(cooldown);
    }

    /// <summary>A hostile validator may send any integer; clamp to what a DateTimeOffset can hold.</summary>
    private static DateTimeOffset FromUnixSeconds(long seconds) =>
        DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253_402_300_799));
}
