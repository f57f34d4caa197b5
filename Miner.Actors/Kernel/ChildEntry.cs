namespace Miner.Actors.Kernel;

/// <summary>A parent's record of one child: its cell, restart budget, and whether it is being stopped.</summary>
internal sealed class ChildEntry(ActorCell cell)
{
    public ActorCell Cell { get; } = cell;
    public ChildRestartStats Stats { get; } = new();
    public bool Stopping { get; set; }
}
