using System.CommandLine;
using Miner.Host.Configuration;

namespace Miner.Host.Cli;

/// <summary>`miner config show` and `miner config check FILE`.</summary>
public static class ConfigCommands
{
    public static Command Create(CliContext context)
    {
        var origins = new Option<bool>("--origins") { Description = "Annotate each value with where it came from (file:line, env, flag)" };
        var akka = new Option<bool>("--akka") { Description = "Print the akka section as rendered for Akka.NET (the HOCON its parser reads)" };
        var show = new Command("show", "Print the merged, resolved configuration (secrets masked)") { origins, akka };
        show.SetAction(parse =>
        {
            if (context.Load(parse) is not { } loaded) return 1;
            if (!parse.GetValue(akka)) return new ConfigurationPrinter(parse.GetValue(origins)).Run(loaded.Root, context.Out);
            // Parsed by Akka first, so what is shown is what Akka accepts; printed with secrets masked.
            AkkaConfigRenderer.Render(loaded.Root);
            context.Out.Write(AkkaConfigRenderer.RenderHocon(loaded.Root, maskSecrets: true));
            return 0;
        });

        var file = new Argument<FileInfo>("FILE") { Description = "HOCON file to validate" };
        var check = new Command("check", "Validate a configuration file: syntax, unknown keys, types (akka keys pass through)") { file };
        check.SetAction(parse => new ConfigurationChecker(MinerSettings.Sections).Run(parse.GetValue(file)!.FullName, context.Out, context.Error));

        return new Command("config", "Inspect and validate configuration") { show, check };
    }
}
