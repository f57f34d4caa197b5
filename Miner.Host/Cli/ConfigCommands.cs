using System.CommandLine;
using Miner.Host.Configuration;

namespace Miner.Host.Cli;

/// <summary>`miner config show` and `miner config check FILE`.</summary>
public static class ConfigCommands
{
    public static Command Create(CliContext context)
    {
        var origins = new Option<bool>("--origins") { Description = "Annotate each value with where it came from (file:line, env, flag)" };
        var show = new Command("show", "Print the merged, resolved configuration (secrets masked)") { origins };
        show.SetAction(parse => context.Load(parse) is { } loaded
            ? new ConfigurationPrinter(parse.GetValue(origins)).Run(loaded.Root, context.Out)
            : 1);

        var file = new Argument<FileInfo>("FILE") { Description = "HOCON file to validate" };
        var check = new Command("check", "Validate a configuration file: syntax, unknown keys, types") { file };
        check.SetAction(parse => new ConfigurationChecker(MinerSettings.Sections).Run(parse.GetValue(file)!.FullName, context.Out, context.Error));

        return new Command("config", "Inspect and validate configuration") { show, check };
    }
}
