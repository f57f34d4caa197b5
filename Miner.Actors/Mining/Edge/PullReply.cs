using Miner.Models.Protocol;

namespace Miner.Actors.Mining.Edge;

/// <summary>What a pull brought back. <see cref="CooldownUntil"/> is set for <see cref="PullReplyKind.Cooldown"/>.</summary>
public sealed record PullReply(PullReplyKind Kind, ProtocolTask? Task, DateTimeOffset? CooldownUntil, long Violations, string? Error)
{
    public static PullReply WithTask(ProtocolTask task) => new(PullReplyKind.Task, task, null, 0, null);

    public static PullReply OnCooldown(DateTimeOffset until, long violations) => new(PullReplyKind.Cooldown, null, until, violations, null);

    public static PullReply Nothing() => new(PullReplyKind.Empty, null, null, 0, null);

    public static PullReply Failed(string error) => new(PullReplyKind.TransportError, null, null, 0, error);
}
