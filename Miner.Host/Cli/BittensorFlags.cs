using System.CommandLine;

namespace Miner.Host.Cli;

/// <summary>
/// The bittensor-style flags a command reads the wallet or the chain with, as options that its --help lists.
/// <see cref="MinerCli"/> takes them out of the command line as configuration overrides before parsing, so these
/// options only document them: they never reach the parser, and <see cref="Names"/> keeps them from being claimed.
/// </summary>
public static class BittensorFlags
{
    /// <summary>The flags' names without dashes, as the override splitter sees them.</summary>
    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "wallet.name", "wallet.hotkey", "wallet.path", "subtensor.network", "subtensor.chain-endpoint", "netuid",
        "logging.debug", "logging.trace", "home",
        "metagraph.file", // not bittensor's: `miner run`'s short form of miner.metagraph.file, kept an override the same way
    };

    /// <summary>Adds the wallet, subtensor, logging and home flags (and --netuid when <paramref name="netuid"/>).</summary>
    public static void AddTo(Command command, bool netuid)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Value("--wallet.name", "NAME", "Wallet (coldkey) name under --wallet.path (wallet.name; default: default)"));
        command.Options.Add(Value("--wallet.hotkey", "NAME", "Hotkey file name under the wallet's hotkeys/ folder (wallet.hotkey; default: default)"));
        command.Options.Add(Value("--wallet.path", "DIR", "Bittensor wallets folder (wallet.path; default: ~/.bittensor/wallets)"));
        command.Options.Add(Value("--subtensor.network", "NAME", "finney, test, local, archive, ... (subtensor.network; default: finney)"));
        command.Options.Add(Value("--subtensor.chain-endpoint", "URL", "ws:// or wss:// endpoint; wins over --subtensor.network (subtensor.chain-endpoint)"));
        if (netuid) command.Options.Add(Value("--netuid", "N", "Subnet to mine on (miner.metagraph.netuid; default: 17)"));
        command.Options.Add(Switch("--logging.debug", "Console log at debug level, with per-uid details (logging.debug)"));
        command.Options.Add(Switch("--logging.trace", "Console log at verbose level (logging.trace)"));
        command.Options.Add(Value("--home", "DIR", "Miner home for the database, logs and locks (miner.home, MINER_HOME; default: ~/.sn17-miner)"));
    }

    private static Option<string> Value(string name, string helpName, string description) =>
        new(name) { Description = description, HelpName = helpName };

    private static Option<bool> Switch(string name, string description) => new(name) { Description = description };
}
