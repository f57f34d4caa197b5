namespace Miner.Actors.Kernel;

/// <summary>Replies that carry the outcome of an operation; an Ask faults when it receives a <see cref="Failure"/>.</summary>
public abstract record Status
{
    public sealed record Success(object? Value) : Status;
    public sealed record Failure(Exception Cause) : Status;
}
