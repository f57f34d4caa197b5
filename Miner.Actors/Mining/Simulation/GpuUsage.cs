namespace Miner.Actors.Mining.Simulation;

/// <summary>Busy time and task count of simulated GPUs, read after a run.</summary>
public sealed class GpuUsage
{
    public TimeSpan Busy { get; set; }
    public int Tasks { get; set; }
    public int MostHeld { get; set; }
}
