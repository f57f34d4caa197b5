namespace Miner.Actors.Kernel;

/// <summary>A supervisor applied <see cref="Directive"/> to a failed child; published beside the log line.</summary>
public sealed record SupervisionEvent(DateTimeOffset Timestamp, string Supervisor, string Child, Directive Directive, Exception Cause);
