namespace Miner.Actors.Mining.Simulation;

/// <summary>What one policy achieved on one scenario.</summary>
public sealed record SchedulerRunResult(
    string Policy,
    int Validators,
    int Gpus,
    double MeanGenerationSeconds,
    double Ceiling,
    int Accepted,
    int Failed,
    int Declined,
    long Violations,
    int Penalties,
    double GpuIdleShare,
    int TasksHandedOut,
    int TasksSettledTwice,
    int TasksNeverSettled,
    double FluidCeiling)
{
    public double ShareOfCeiling => Ceiling <= 0 ? 0 : Accepted / Ceiling;

    /// <summary>Share of min(G × duration / mean generation, V × duration / cooldown), the ceiling before the validator rules.</summary>
    public double ShareOfFluidCeiling => FluidCeiling <= 0 ? 0 : Accepted / FluidCeiling;
}
