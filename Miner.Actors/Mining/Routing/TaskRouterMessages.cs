namespace Miner.Actors.Mining.Routing;

/// <summary>Asks the router for its in-flight table (answered with <see cref="InFlightTasks"/>).</summary>
public sealed record GetInFlightTasks;

public sealed record InFlightTasks(IReadOnlyList<InFlightTask> Tasks, int OpenSlots, int PullsInFlight, int AvailableValidators);
