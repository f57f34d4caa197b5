using System.CommandLine;
using Miner.Host.Commands.Devnet;
using Miner.Host.Commands.Devnet.Validators;
using Miner.Host.Commands.Generation;
using Miner.Host.Configuration;
using Miner.Host.Devnet;
using Miner.Models.Files;

namespace Miner.Host.Cli;

/// <summary>`miner devnet` (the devnet and the miner in one process) and `miner generate` (one task).</summary>
public static class DevnetCommands
{
    public static Command CreateDevnet(CliContext context)
    {
        var tasks = new Option<int?>("--tasks")
        {
            Description = "Settle exactly N tasks: the devnet's validators hand out N tasks in all, then answer pulls with no task; "
                + "the run ends when those N are settled (default: run until Ctrl+C)",
        };
        var validators = new Option<int?>("--validators") { Description = "Validators to start (default devnet.validators, 4)" };
        var gpus = new Option<int>("--gpus") { Description = "CPU pools standing in for GPU cards", DefaultValueFactory = _ => 1 };
        var seed = new Option<int?>("--seed") { Description = "Seed of the dev hotkeys, tasks and injected failures (default devnet.seed, 1)" };
        var output = new Option<string>("--out") { Description = "Folder for results (PLY, SPZ, grid PNG), the metagraph file and logs", DefaultValueFactory = _ => "out" };
        var devnetConfig = new Option<FileInfo?>("--devnet-config") { Description = "Operator HOCON file over hocon/devnet.conf" };
        var command = new Command("devnet", "Start local devnet validators and mine against them with CPU fallbacks, showing a live status "
            + "table (one line per settled task when stdout is not a terminal)")
        {
            tasks, validators, gpus, seed, output, devnetConfig,
        };
        command.Subcommands.Add(CreateValidators(context));
        command.SetAction(parse => context.WithSettings(parse, settings =>
        {
            if (LoadDevnet(context, parse.GetValue(devnetConfig)?.FullName) is not { } devnet) return ExitCodes.Failed;
            var folder = FileStatus.Of(parse.GetValue(output)!);
            if (folder.Exists && folder.Kind != FileKind.Directory)
            {
                context.Error.WriteLine($"--out {parse.GetValue(output)}: is {folder.Describe()}; give a folder for the results");
                return ExitCodes.Failed;
            }
            using var stop = new StopSignals();
            return DevnetCommand.RunAsync(devnet, settings, parse.GetValue(tasks), parse.GetValue(validators), parse.GetValue(gpus),
                parse.GetValue(seed), parse.GetValue(output)!, DevnetOutputMode.Auto, context.Out, context.Error, stop.Token).GetAwaiter().GetResult();
        }));
        return command;
    }

    /// <summary>`miner devnet validators`: the devnet's validators alone, for miners started elsewhere.</summary>
    public static Command CreateValidators(CliContext context)
    {
        var validators = new Option<int?>("--validators") { Description = "Validators to start (default devnet.validators, 4)" };
        var state = new Option<string>("--state")
        {
            Description = "Folder for metagraph.json (for `miner run --metagraph.file`) and validators.json (counters, rewritten every second)",
            Required = true,
        };
        var tasksPerValidator = new Option<int?>("--tasks-per-validator")
        {
            Description = "Each validator hands out K tasks, then answers pulls with no task (default: no end)",
        };
        var miners = new Option<string?>("--miners")
        {
            Description = "Comma-separated SS58 hotkeys the validators recognise; metagraph.json lists them as miners (uids after the validators')",
        };
        var seed = new Option<int?>("--seed") { Description = "Seed of the validators' dev hotkeys, tasks and injected failures (default devnet.seed, 1)" };
        var devnetConfig = new Option<FileInfo?>("--devnet-config") { Description = "Operator HOCON file over hocon/devnet.conf" };
        var command = new Command("validators", "Run only the devnet's validators on loopback until Ctrl+C or SIGTERM, for miners run with "
            + "`miner run --metagraph.file DIR/metagraph.json`")
        {
            validators, state, tasksPerValidator, miners, seed, devnetConfig,
        };
        // The miner's settings are loaded only to refuse bad --section.key flags, as `miner devnet` does.
        command.SetAction(parse => context.WithSettings(parse, _ =>
        {
            if (LoadDevnet(context, parse.GetValue(devnetConfig)?.FullName) is not { } devnet) return ExitCodes.Failed;
            var hotkeys = (parse.GetValue(miners) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var request = new DevnetValidatorsRequest(parse.GetValue(state)!, hotkeys, parse.GetValue(validators), parse.GetValue(tasksPerValidator),
                parse.GetValue(seed));
            using var stop = new StopSignals();
            return DevnetValidatorsCommand.RunAsync(devnet, request, context.Out, context.Error, stop.Token).GetAwaiter().GetResult();
        }));
        return command;
    }

    /// <summary>
    /// The devnet's settings from <c>hocon/devnet.conf</c>, <paramref name="operatorFile"/>, the context's environment
    /// (<c>MINER_DEVNET__*</c>) and its <c>--devnet.*</c> flags; null, with each problem printed on a line of its
    /// own, when they cannot be used.
    /// </summary>
    public static DevnetOptions? LoadDevnet(CliContext context, string? operatorFile)
    {
        try
        {
            var warnings = new List<ConfigurationDiagnostic>();
            var devnet = DevnetConfiguration.Load(DevnetOptions.DefaultsPath, operatorFile, context.Environment, context.Overrides, warnings);
            foreach (var warning in warnings) context.Error.WriteLine(warning);
            return devnet;
        }
        catch (ConfigurationException error)
        {
            foreach (var diagnostic in error.Diagnostics) context.Error.WriteLine(diagnostic);
            return null;
        }
    }

    public static Command CreateGenerate(CliContext context)
    {
        var image = new Option<FileInfo?>("--image") { Description = "Image prompt (PNG)" };
        var prompt = new Option<string?>("--prompt") { Description = "Text prompt (declined without a text-to-image backend or --generate-url)" };
        var generateUrl = new Option<string?>("--generate-url") { Description = "Generate endpoint (POST /generate/) that turns a prompt into a PLY: an http:// or https:// URL" };
        var output = new Option<string>("--out") { Description = "PLY path; the SPZ and grid PNG go next to it", DefaultValueFactory = _ => "result.ply" };
        var command = new Command("generate", "Run one task through the pipeline: stage timings, gaussian count, self-validation verdict, PLY + SPZ + grid PNG")
        {
            image, prompt, generateUrl, output,
        };
        command.SetAction(parse => context.WithSettings(parse, settings =>
        {
            var file = parse.GetValue(image);
            var text = parse.GetValue(prompt);
            if ((file is null) == (text is null))
            {
                context.Error.WriteLine("give exactly one of --image FILE.png and --prompt TEXT");
                return ExitCodes.Failed;
            }
            Uri? endpoint = null;
            if (parse.GetValue(generateUrl) is { } url && !TryHttpUrl(url, out endpoint))
            {
                context.Error.WriteLine($"--generate-url: expected an http:// or https:// URL, got '{url}'");
                return ExitCodes.Failed;
            }
            var generate = new GenerateCommand(settings.CpuBackends, settings.Gate, settings.Splats);
            return file is not null
                ? generate.RunImageAsync(file.FullName, parse.GetValue(output)!, context.Out, context.Error).GetAwaiter().GetResult()
                : generate.RunPromptAsync(text!, endpoint, parse.GetValue(output)!, context.Out, context.Error).GetAwaiter().GetResult();
        }));
        return command;
    }

    private static bool TryHttpUrl(string text, out Uri? url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url) && url.Scheme is "http" or "https" && !string.IsNullOrEmpty(url.Host);
}
