namespace Miner.Actors.Mining.Edge;

public enum SubmitReplyKind
{
    /// <summary>The validator answered with feedback and the next cooldown.</summary>
    Answered,

    /// <summary>The validator answered without feedback (it does not know our hotkey); cooldown only.</summary>
    NoFeedback,

    /// <summary>The validator refused the call (403: no task assigned, unknown hotkey); retrying cannot help.</summary>
    Refused,

    /// <summary>No usable answer; the submission may be retried.</summary>
    TransportError,
}
