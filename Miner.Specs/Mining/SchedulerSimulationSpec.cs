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

    /// <summary>The rows that were short of 98 % (30/2, 12/1, 12/2), four simulated hours each as in the bench.</summary>
    [Theory]
    [InlineData(30, 2, MiningOptions.StakeWeighted)]
    [InlineData(30, 2, MiningOptions.RoundRobin)]
    [InlineData(12, 1, MiningOptions.StakeWeighted)]
    [InlineData(12, 1, MiningOptions.RoundRobin)]
    [InlineData(12, 2, MiningOptions.StakeWeighted)]
    [InlineData(12, 2, MiningOptions.RoundRobin)]
    public void Balanced_and_supply_bound_rows_reach_98_percent_of_the_ceiling_without_violations(int validators, int gpus, string policy)
    {
        var result = SchedulerSimulation.Run(new SchedulerScenario(validators, gpus, TimeSpan.FromSeconds(20)), policy);
        Assert.True(result.ShareOfCeiling >= 0.98, $"share {result.ShareOfCeiling:P1} of {result.Ceiling:F1}");
        Assert.Equal((0L, 0, 0), (result.Violations, result.Penalties, result.TasksSettledTwice));
    }

    [Fact]
    public void Without_lost_answers_or_throttle_overruns_the_supply_is_one_task_per_validator_and_cooldown()
    {
        var scenario = new SchedulerScenario(12, 1, TimeSpan.FromSeconds(5)) { Network = new SimulatedNetworkSettings { TransportFailureRate = 0 } };
        Assert.Equal(576, scenario.Supply, 3);
        Assert.Equal(scenario.FluidCeiling, scenario.Ceiling, 3);
    }

    [Fact]
    public void A_lost_answer_costs_the_supply_the_penalty_a_miner_without_violations_must_wait_out()
    {
        // Generation short enough that the throttle never adds: 1 % of answers lost, each a 900 s cycle instead of 300 s.
        var scenario = new SchedulerScenario(12, 1, TimeSpan.FromSeconds(5))
        {
            Network = new SimulatedNetworkSettings { TransportFailureRate = 0.02, LostReplyShare = 0.5 },
        };
        Assert.Equal(12 * 14400 / (0.99 * 300 + 0.01 * 900), scenario.Supply, 3);
    }

    [Fact]
    public void A_generation_that_runs_past_the_throttle_period_lengthens_the_supply_cycle()
    {
        var quick = new SchedulerScenario(12, 1, TimeSpan.FromSeconds(5)) { Network = new SimulatedNetworkSettings { TransportFailureRate = 0 } };
        var slow = quick with { MeanGeneration = TimeSpan.FromSeconds(20) };
        Assert.InRange(12 * 14400 / slow.Supply - 300, 1.0, 1.2); // E[(generation + 7.5 s - 30 s)+] is about 1.08 s
        Assert.True(slow.Supply < quick.Supply);
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
