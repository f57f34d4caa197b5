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

    /// <summary>What the GPUs can do at best: G × duration / mean generation.</summary>
    public double Capacity => Gpus * Duration.TotalSeconds / MeanGeneration.TotalSeconds;

    /// <summary>The fluid supply, V × duration / task cooldown: every validator cycled in exactly one cooldown.</summary>
    public double FluidSupply => Validators * Duration.TotalSeconds / Rules.TaskCooldownSeconds;

    /// <summary>min(capacity, fluid supply): the ceiling before the validator rules below are applied.</summary>
    public double FluidCeiling => Math.Min(Capacity, FluidSupply);

    /// <summary>
    /// What V validators can hand out at best under their own rules (bittensor-wire.md §3.7–3.8), to a miner that
    /// never pulls during a cooldown: V × duration / (least mean cycle), where a cycle, from one assignment to the next,
    /// is at least
    /// <list type="bullet">
    /// <item>the task cooldown, lengthened by the throttle rule: the cooldown is <c>max(verdict + cooldown − throttle,
    /// assigned + cooldown)</c> and the verdict comes no sooner than generation + upload + validation after the
    /// assignment, so a task even started at once adds E[(generation + upload + validation − throttle)+];</item>
    /// <item>for a submission whose answer is lost (transport failure rate × lost-reply share), cooldown + penalty: the
    /// validator has reset the task (a retry is refused, §3.7) and its cooldown is either cooldown or cooldown + 600 s
    /// (a score under the threshold, §3.7 step 9); the score is not known and only a pull during the cooldown would
    /// tell it (a violation), so a miner without violations must wait for the longer one.</item>
    /// </list>
    /// Latencies of the pull and the validator's integer rounding of the cooldown are left out (together about −0.1 s
    /// a cycle, in the miner's favour).
    /// </summary>
    public double Supply
    {
        get
        {
            var throttleOverrun = ExpectedExcess(Network.UploadLatency.TotalSeconds + Network.ValidationTime.TotalSeconds - Rules.ThrottlePeriodSeconds);
            var lostAnswers = Network.TransportFailureRate * Network.LostReplyShare;
            var cycle = (1 - lostAnswers) * (Rules.TaskCooldownSeconds + throttleOverrun)
                + lostAnswers * (Rules.TaskCooldownSeconds + Rules.CooldownPenaltySeconds);
            return Validators * Duration.TotalSeconds / cycle;
        }
    }

    /// <summary>min(capacity, supply): what GPUs and validators can yield at best.</summary>
    public double Ceiling => Math.Min(Capacity, Supply);

    /// <summary>True when the validators offer more tasks than the GPUs can do.</summary>
    public bool SupplyExceedsCapacity => Supply > Capacity;

    /// <summary>E[(generation + <paramref name="offset"/>)+] for the log-normal generation time (numerical, deterministic).</summary>
    private double ExpectedExcess(double offset)
    {
        var sigma = GenerationSigma;
        var mu = Math.Log(MeanGeneration.TotalSeconds) - sigma * sigma / 2;
        const int steps = 4000;
        const double range = 8;
        double sum = 0, weight = 0;
        for (var i = 0; i <= steps; i++)
        {
            var z = -range + 2 * range * i / steps;
            var density = Math.Exp(-z * z / 2);
            sum += density * Math.Max(0, Math.Exp(mu + sigma * z) + offset);
            weight += density;
        }
        return sum / weight;
    }

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
