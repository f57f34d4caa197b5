using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;
using Miner.Actors.Mining.Edge;

namespace Miner.Actors.Mining.Metagraph;

/// <summary>Subscribe to <see cref="ValidatorSetChanged"/>; the subscriber first gets the current set as all added.</summary>
public sealed record SubscribeValidatorSet(IActorRef Subscriber);

/// <summary>
/// The eligible set changed: <see cref="Added"/> and <see cref="Removed"/> validators, <see cref="Updated"/> ones whose
/// axon or stake changed, and the whole <see cref="Current"/> set.
/// </summary>
public sealed record ValidatorSetChanged(
    IReadOnlyList<ValidatorInfo> Added, IReadOnlyList<ValidatorInfo> Removed, IReadOnlyList<ValidatorInfo> Updated, IReadOnlyList<ValidatorInfo> Current);

/// <summary>Re-read the source now (also sent by the re-sync timer).</summary>
public sealed record ResyncMetagraph
{
    public static readonly ResyncMetagraph Instance = new();
}

public sealed record GetValidatorSet;

public sealed record ValidatorSetReply(IReadOnlyList<ValidatorInfo> Current, DateTimeOffset? SyncedAt);
