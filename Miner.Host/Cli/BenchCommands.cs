using System.CommandLine;
using System.Text.Json;
using Miner.Host.Commands.Bench;
using Miner.Host.Commands.Generation;
using Miner.Host.Commands.Splats;
using Miner.Host.Configuration;

namespace Miner.Host.Cli;

/// <summary>`miner bench ...`: figures for the README's performance table.</summary>
public static class BenchCommands
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var messages = new Option<long>("--messages") { Description = "Messages per fan-in scenario (half as many round trips)", DefaultValueFactory = _ => 10_000_000 };
        var actors = new Command("actors", "Akka.NET message throughput: one-to-one, many-to-one (8 senders), ping-pong round trips") { json, messages };
        actors.SetAction(parse => context.WithSettings(parse, s => RunActors(context, s, parse.GetValue(json), parse.GetValue(messages))));

        var splatJson = new Option<bool>("--json") { Description = "Print one JSON object" };
        var splats = new Command("splats", "PLY read/write MB/s and PLY<->SPZ seconds on 1,000,000 synthetic gaussians") { splatJson };
        splats.SetAction(parse => context.WithSettings(parse, s => new BenchSplatsCommand(s.Splats).Run(parse.GetValue(splatJson), context.Out, context.Error)));

        var persistenceJson = new Option<bool>("--json") { Description = "Print one JSON array" };
        var events = new Option<int>("--events") { Description = "Events per scenario", DefaultValueFactory = _ => 5000 };
        var persistence = new Command("persistence", "Akka.Persistence.Sql on SQLite (WAL): durable events/s (1 and 100 per write), replay events/s, on a temp file")
            { persistenceJson, events };
        persistence.SetAction(parse => context.WithSettings(parse, _ =>
            PersistenceBenchmark.Run(parse.GetValue(events), parse.GetValue(persistenceJson), context.Out, context.Error)));

        var renderJson = new Option<bool>("--json") { Description = "Print one JSON object" };
        var renderViews = new Option<int>("--views") { Description = "Views timed per cloud size (after one warm-up view)", DefaultValueFactory = _ => 4 };
        var render = new Command("render", "Milliseconds per 518x518 production view at 100K, 400K and 1M synthetic gaussians") { renderJson, renderViews };
        render.SetAction(parse => BenchRenderCommand.Run(parse.GetValue(renderJson), parse.GetValue(renderViews), context.Out, context.Error));

        var schedulerJson = new Option<bool>("--json") { Description = "Print one JSON array" };
        var scheduler = new Command("scheduler", "Virtual-time simulation of the mining actors against simulated validators and GPUs (4 h), both policies and the base miner's loop") { schedulerJson };
        scheduler.SetAction(parse => BenchSchedulerCommand.Run(parse.GetValue(schedulerJson), context.Out, context.Error));

        var cpuJson = new Option<bool>("--json") { Description = "Print one JSON object" };
        var cpuRuns = new Option<int>("--runs") { Description = "Runs of each backend (the median is printed)", DefaultValueFactory = _ => 3 };
        var cpu = new Command("cpu-backends", "CPU fallbacks: matting and inflation seconds, gaussians, front-view IoU on a synthetic picture") { cpuJson, cpuRuns };
        cpu.SetAction(parse => context.WithSettings(parse, s => new BenchCpuBackendsCommand(s.CpuBackends).Run(parse.GetValue(cpuJson), parse.GetValue(cpuRuns), context.Out, context.Error)));

        return new Command("bench", "Benchmarks that print figures") { actors, splats, persistence, render, scheduler, cpu };
    }

    private static int RunActors(CliContext context, MinerSettings settings, bool json, long messages)
    {
        if (messages < 1000)
        {
            context.Error.WriteLine("--messages must be at least 1000");
            return 1;
        }
        var throughput = settings.Akka.GetInt("akka.actor.default-dispatcher.throughput", 30);
        var rows = new ActorBenchmark(throughput).Run(messages);
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                cores = Environment.ProcessorCount,
                throughput,
                scenarios = rows.Select(r => new { r.Scenario, r.Messages, r.Seconds, r.PerSecond, r.Unit }),
            }));
            return 0;
        }
        context.Out.WriteLine($"{"scenario",-42} {"per second",16}  {"count",12}  {"seconds",8}");
        foreach (var r in rows)
            context.Out.WriteLine($"{r.Scenario,-42} {r.PerSecond,16:N0}  {r.Messages,12:N0}  {r.Seconds,8:F2}  {r.Unit}");
        return 0;
    }
}
