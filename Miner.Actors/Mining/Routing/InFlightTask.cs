using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;
using Miner.Actors.Mining.Edge;
using Miner.Models.Protocol;

namespace Miner.Actors.Mining.Routing;

/// <summary>One task from pull to submission, as the router tracks it.</summary>
public sealed record InFlightTask(
    string TaskId, ValidatorInfo Validator, ProtocolTask Task, DateTimeOffset PulledAt, InFlightStage Stage,
    string? Gpu, IActorRef? GpuRef, DateTimeOffset? DispatchedAt, DateTimeOffset? SubmittingAt);
