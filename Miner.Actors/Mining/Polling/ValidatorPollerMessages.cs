using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;
using Miner.Actors.Mining.Edge;
using Miner.Models.Protocol;

namespace Miner.Actors.Mining.Polling;

/// <summary>The router asks a poller to pull one task now; answered by <see cref="TaskPulled"/> or <see cref="PollerAvailability"/>.</summary>
public sealed record PullNow(long RequestId);

/// <summary>A poller got a task from its validator (possibly the same one again, if it was never submitted).</summary>
public sealed record TaskPulled(ValidatorInfo Validator, ProtocolTask Task, DateTimeOffset PulledAt, long RequestId);

/// <summary>
/// Whether a poller may be asked to pull. <see cref="RequestId"/> is set when this answers a <see cref="PullNow"/>
/// that brought no task; <see cref="Until"/> is when it expects to be available again, if known.
/// </summary>
public sealed record PollerAvailability(string Hotkey, bool Available, DateTimeOffset? Until, string Reason, long? RequestId = null);

/// <summary>The validator's axon or stake changed (same hotkey).</summary>
public sealed record ValidatorUpdated(ValidatorInfo Validator);

/// <summary>The PollerSupervisor tells the router a poller exists for a validator.</summary>
public sealed record PollerStarted(ValidatorInfo Validator, IActorRef Poller);

/// <summary>The validator left the eligible set; its poller stopped.</summary>
public sealed record PollerStopped(string Hotkey);
