namespace Miner.Actors.Kernel;

/// <summary>The last failure of an actor, for the operator's view.</summary>
public sealed record FailureInfo(string ExceptionType, string Message, DateTimeOffset At);
