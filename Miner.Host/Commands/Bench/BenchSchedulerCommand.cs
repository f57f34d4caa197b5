using System.Globalization;
using System.Text.Json;
using Miner.Actors.Mining.Simulation;

namespace Miner.Host.Commands.Bench;

/// <summary>
/// `miner bench scheduler`: the scheduler-baseline.md scenarios, each run with the real mining actors under both
/// pick policies and with the base miner's loop, in virtual time on the same simulated network (same seed). The
/// setting line is read from the scenarios that ran, so it cannot drift from them.
/// </summary>
public static class BenchSchedulerCommand
{
    /// <summary>The rows of scheduler-baseline.md's table: (validators, GPUs, mean generation seconds).</summary>
    public static IReadOnlyList<SchedulerScenario> DefaultScenarios { get; } =
    [
        new(30, 1, TimeSpan.FromSeconds(20)),
        new(30, 2, TimeSpan.FromSeconds(20)),
        new(16, 1, TimeSpan.FromSeconds(25)),
        new(12, 1, TimeSpan.FromSeconds(20)),
        new(12, 2, TimeSpan.FromSeconds(20)),
    ];

    public static int Run(bool json, TextWriter stdout, TextWriter stderr, IReadOnlyList<SchedulerScenario>? scenarios = null)
    {
        scenarios ??= DefaultScenarios;
        var results = new List<SchedulerRunResult>();
        foreach (var scenario in scenarios)
        {
            foreach (var policy in SchedulerSimulation.Policies)
            {
                try
                {
                    results.Add(SchedulerSimulation.Run(scenario, policy));
                }
                catch (Exception error)
                {
                    stderr.WriteLine($"scenario V={scenario.Validators} G={scenario.Gpus} policy {policy} failed: {error.Message}");
                    return 1;
                }
            }
        }
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(results.Select(r => new
            {
                policy = r.Policy, validators = r.Validators, gpus = r.Gpus, mean_generation_s = r.MeanGenerationSeconds,
                ceiling = Math.Round(r.Ceiling, 1), fluid_ceiling = Math.Round(r.FluidCeiling), accepted = r.Accepted, share_of_ceiling = Math.Round(r.ShareOfCeiling, 4), share_of_fluid_ceiling = Math.Round(r.ShareOfFluidCeiling, 4),
                gpu_idle = Math.Round(r.GpuIdleShare, 4), violations = r.Violations, penalties = r.Penalties, declined = r.Declined,
                tasks_handed_out = r.TasksHandedOut, tasks_settled_twice = r.TasksSettledTwice, tasks_open_at_end = r.TasksNeverSettled,
            })));
            return 0;
        }
        foreach (var setting in scenarios.Select(Setting).Distinct()) stdout.WriteLine(setting);
        stdout.WriteLine($"{"V",3} {"G",2} {"gen",5} {"fluid",6} {"ceiling",8}  {"policy",-15} {"accepted",8} {"share",7} {"of fluid",8} {"GPU idle",8} {"violations",10} {"penalties",9} {"open",5}");
        foreach (var r in results)
        {
            stdout.WriteLine($"{r.Validators,3} {r.Gpus,2} {r.MeanGenerationSeconds,4:F0}s {r.FluidCeiling,6:F0} {r.Ceiling,8:F1}  {r.Policy,-15} {r.Accepted,8} {r.ShareOfCeiling,7:P1} {r.ShareOfFluidCeiling,8:P1} {r.GpuIdleShare,8:P1} {r.Violations,10} {r.Penalties,9} {r.TasksNeverSettled,5}");
        }
        return 0;
    }

    private static string Setting(SchedulerScenario s) => string.Create(CultureInfo.InvariantCulture,
        $"{s.Duration.TotalHours:0.##} simulated hours; validators: cooldown {s.Rules.TaskCooldownSeconds} s, throttle {s.Rules.ThrottlePeriodSeconds} s, "
        + $"pull {s.Network.PullLatency.TotalSeconds} s, upload {s.Network.UploadLatency.TotalSeconds} s, validation {s.Network.ValidationTime.TotalSeconds} s, "
        + $"{s.Network.TransportFailureRate * 100:0.##} % transport failures");
}
