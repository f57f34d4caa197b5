using System.CommandLine;
using Miner.Host.Commands.Run;

namespace Miner.Host.Cli;

/// <summary>`miner run`: the mainnet/testnet entry point (wallet, subtensor, configured cards).</summary>
public static class RunCommands
{
    public static Command Create(CliContext context)
    {
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Run every check (home, hotkey, lock, subtensor, registration, validators, cards, store, services), report each and exit 0 (ready) or 1",
        };
        var command = new Command("run", "Mine on the subnet (--netuid, default 17) with the configured wallet, subtensor and cards until Ctrl+C or SIGTERM")
        {
            dryRun,
        };
        BittensorFlags.AddTo(command, netuid: true);
        command.Options.Add(new Option<string>("--metagraph.file")
        {
            Description = "Read the validators and our uid from this devnet metagraph file (`miner devnet validators --state DIR` writes "
                + "DIR/metagraph.json) instead of subtensor; loopback axons allowed (miner.metagraph.file)",
            HelpName = "FILE",
        });
        command.SetAction(parse => context.WithSettings(parse, settings =>
        {
            using var stop = new StopSignals();
            return RunCommand.RunAsync(new RunRequest(settings, parse.GetValue(dryRun)), context.Out, context.Error, stop.Token).GetAwaiter().GetResult();
        }));
        return command;
    }
}
