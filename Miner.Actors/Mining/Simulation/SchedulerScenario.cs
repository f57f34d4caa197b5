namespace Miner.Actors.Mining.Simulation;

/// <summary>One simulated network: V validators, G GPUs, a log-normal generation time, a duration.</summary>
public sealed record SchedulerScenario(int Validators, int Gpus, TimeSpan MeanGeneration)
{
    public TimeSpan Duration { get; init; } = TimeSpan.FromHours(4);

    /// <summary>Spread of the generation time (sigma of its logarithm).</summary>
    public double GenerationSigma { get; init; } = 0.25;

    public SimulatedNetworkSettings Network { get; init; } = new();

    /// <summary>The rules every simulated validator applies (the subnet's defaults).</summary>
    public ValidatorRuleSettings Rules { get; init; } = new();

    public int Seed { get; init; } = 17;

    /// <summary>min(G × duration / mean generation, V × duration / task cooldown): what GPUs and validators can yield at best.</summary>
    public double Ceiling => Math.Min(Gpus * Duration.TotalSeconds / MeanGeneration.TotalSeconds, Validators * Duration.TotalSeconds / Rules.TaskCooldownSeconds);

    /// <summary>True when the validators offer more tasks than the GPUs can do.</summary>
    public bool SupplyExceedsCapacity =>
        Validators * Duration.TotalSeconds / Rules.TaskCooldownSeconds > Gpus * Duration.TotalSeconds / MeanGeneration.TotalSeconds;

    public Func<TimeSpan> GenerationTimes(Random random)
    {
        var sigma = GenerationSigma;
        var mu = Math.Log(MeanGeneration.TotalSeconds) - sigma * sigma / 2;
        return () =>
        {
            // Box-Muller: one standard normal from two uniforms.
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            return TimeSpan.FromSeconds(Math.Exp(mu + sigma * normal));
        };
    }
}
