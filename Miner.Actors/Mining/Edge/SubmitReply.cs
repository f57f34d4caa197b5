using Miner.Models.Protocol;

namespace Miner.Actors.Mining.Edge;

/// <summary>What a submission brought back; <see cref="CooldownUntil"/> is null when the validator did not say.</summary>
public sealed record SubmitReply(SubmitReplyKind Kind, Feedback? Feedback, DateTimeOffset? CooldownUntil, string? Error)
{
    public static SubmitReply Answered(Feedback feedback, DateTimeOffset? cooldownUntil) => new(SubmitReplyKind.Answered, feedback, cooldownUntil, null);

    public static SubmitReply WithoutFeedback(DateTimeOffset? cooldownUntil) => new(SubmitReplyKind.NoFeedback, null, cooldownUntil, null);

    public static SubmitReply Refused(string error) => new(SubmitReplyKind.Refused, null, null, error);

    public static SubmitReply Failed(string error) => new(SubmitReplyKind.TransportError, null, null, error);
}
