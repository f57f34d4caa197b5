using System.Text.Json;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Simulation;
using Miner.Host.Commands.Bench;

namespace Miner.Specs.Mining;

/// <summary>Scheduling quality in the simulated network (behaviour: how many results the schedule yields, not speed).</summary>
public sealed class SchedulerSimulationSpec
{
    private static readonly SchedulerScenario GpuBound = new(30, 1, TimeSpan.FromSeconds(20)) { Duration = TimeSpan.FromHours(2) };

    [Theory]
    [InlineData(MiningOptions.RoundRobin)]
    [InlineData(MiningOptions.StakeWeighted)]
    public void When_supply_exceeds_capacity_the_router_reaches_98_percent_of_the_ceiling_with_the_GPU_busy(string policy)
    {
        var result = SchedulerSimulation.Run(GpuBound, policy);
        Assert.True(result.ShareOfCeiling >= 0.98, $"share {result.ShareOfCeiling:P1}");
        Assert.True(result.GpuIdleShare < 0.02, $"idle {result.GpuIdleShare:P1}");
        Assert.Equal((0L, 0, 0), (result.Violations, result.Penalties, result.TasksSettledTwice));
    }

    [Fact]
    public void The_base_miner_loop_leaves_the_GPU_idle_while_it_waits_for_validation()
    {
        var result = SchedulerSimulation.Run(GpuBound, SchedulerSimulation.BaseMiner);
        Assert.InRange(result.ShareOfCeiling, 0.6, 0.8);
        Assert.True(result.GpuIdleShare > 0.2);
    }

    [Fact]
    public void The_same_seed_gives_the_same_figures()
    {
        Assert.Equal(SchedulerSimulation.Run(GpuBound, MiningOptions.StakeWeighted), SchedulerSimulation.Run(GpuBound, MiningOptions.StakeWeighted));
    }

    [Fact]
    public void Bench_scheduler_prints_one_json_row_per_policy_and_scenario()
    {
        var output = new StringWriter();
        var code = BenchSchedulerCommand.Run(true, output, TextWriter.Null, [new SchedulerScenario(4, 1, TimeSpan.FromSeconds(20)) { Duration = TimeSpan.FromMinutes(30) }]);
        Assert.Equal(0, code);
        var rows = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal(3, rows.GetArrayLength());
        Assert.Equal(["round-robin", "stake-weighted", "base-miner"], rows.EnumerateArray().Select(r => r.GetProperty("policy").GetString()));
    }

    [Fact]
    public void Bench_scheduler_prints_the_setting_of_the_scenarios_it_ran()
    {
        var output = new StringWriter();
        var scenario = new SchedulerScenario(4, 1, TimeSpan.FromSeconds(20))
        {
            Duration = TimeSpan.FromMinutes(30),
            Rules = new ValidatorRuleSettings { TaskCooldownSeconds = 120 },
            Network = new SimulatedNetworkSettings { TransportFailureRate = 0.05 },
        };
        Assert.Equal(0, BenchSchedulerCommand.Run(false, output, TextWriter.Null, [scenario]));
        Assert.StartsWith("0.5 simulated hours; validators: cooldown 120 s, throttle 30 s, pull 0.4 s, upload 1.5 s, validation 6 s, 5 % transport failures",
            output.ToString());
    }
}
