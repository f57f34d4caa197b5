using System.CommandLine;
using System.CommandLine.Help;
using Miner.Host.Configuration;

namespace Miner.Host.Cli;

/// <summary>
/// The `miner` command line. Bittensor-style flags (--wallet.name x, --netuid 17, --logging.debug, --home DIR ...) are
/// taken out first as configuration overrides; what remains is parsed as commands and their options.
/// </summary>
public static class MinerCli
{
    /// <summary>Bittensor flags whose key differs from ours.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["netuid"] = "miner.metagraph.netuid",
        ["home"] = "miner.home",
        ["metagraph.file"] = "miner.metagraph.file",
    };

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var context = new CliContext(stdout, stderr, environment ?? MinerConfiguration.ProcessEnvironment());
        var root = BuildRoot(context);
        var hostOptions = new HashSet<string>(StringComparer.Ordinal) { "help", "version", "h", "?" };
        CollectOptionNames(root, hostOptions);
        context.Overrides = ConfigurationOverrides.Separate(args.Select(Alias), hostOptions.Contains, out var remaining);
        if (!context.Overrides.IsValid)
        {
            foreach (var error in context.Overrides.Errors) stderr.WriteLine(error);
            return ExitCodes.Failed;
        }
        var parse = root.Parse(remaining.ToArray());
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            stderr.WriteLine(CommandLineErrors.Describe(parse));
            return ExitCodes.Failed;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception error)
        {
            return FailureReport.Write(error, stderr);
        }
    }

    private static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("SN17 (404-GEN) actor miner. Configuration: hocon/miner.conf, --config FILE, MINER_* variables, --section.key flags.");
        root.Options.Add(context.ConfigFile);
        root.Subcommands.Add(ConfigCommands.Create(context));
        root.Subcommands.Add(KeysCommands.Create(context));
        foreach (var command in SplatCommands.Create(context)) root.Subcommands.Add(command);
        root.Subcommands.Add(RenderCommands.Create(context));
        root.Subcommands.Add(RenderCommands.CreateGate(context));
        root.Subcommands.Add(BenchCommands.Create(context));
        root.Subcommands.Add(DbCommands.Create(context));
        root.Subcommands.Add(RunCommands.Create(context));
        root.Subcommands.Add(CtlCommands.Create(context));
        root.Subcommands.Add(DevnetCommands.CreateDevnet(context));
        root.Subcommands.Add(DevnetCommands.CreateGenerate(context));
        return root;
    }

    private static void CollectOptionNames(Command command, HashSet<string> names)
    {
        foreach (var option in command.Options)
        {
            // Documented for --help only: they must stay configuration overrides.
            if (BittensorFlags.Names.Contains(option.Name.TrimStart('-'))) continue;
            names.Add(option.Name.TrimStart('-'));
            foreach (var alias in option.Aliases) names.Add(alias.TrimStart('-'));
        }
        foreach (var sub in command.Subcommands) CollectOptionNames(sub, names);
    }

    private static string Alias(string token)
    {
        if (!token.StartsWith("--", StringComparison.Ordinal)) return token;
        var name = token[2..].Split('=')[0];
        return Aliases.TryGetValue(name, out var key) ? "--" + key + token[(2 + name.Length)..] : token;
    }
}
