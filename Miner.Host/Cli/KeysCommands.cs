using System.CommandLine;
using Miner.Host.Commands.Keys;

namespace Miner.Host.Cli;

/// <summary>`miner keys show|new|sign|verify`; the wallet comes from --wallet.path/--wallet.name/--wallet.hotkey.</summary>
public static class KeysCommands
{
    public static Command Create(CliContext context)
    {
        var show = new Command("show", "Print the configured hotkey's SS58 address and public key");
        show.SetAction(parse => context.WithSettings(parse, s => new KeysShowCommand().Run(s.Wallet.ToLocation(), context.Out, context.Error)));

        var create = new Command("new", "Create a new hotkey keyfile (mode 0600); never overwrites");
        create.SetAction(parse => context.WithSettings(parse, s => new KeysNewCommand().Run(s.Wallet.ToLocation(), context.Out, context.Error)));

        var message = new Option<string>("--message") { Description = "Text to sign or verify (its UTF-8 bytes)", Required = true };
        var sign = new Command("sign", "Print the 0x sr25519 signature of a message with the hotkey") { message };
        sign.SetAction(parse => context.WithSettings(parse, s =>
            new KeysSignCommand().Run(s.Wallet.ToLocation(), parse.GetValue(message)!, context.Out, context.Error)));

        var verifyMessage = new Option<string>("--message") { Description = "Text that was signed", Required = true };
        var ss58 = new Option<string?>("--ss58") { Description = "Signer's SS58 address (default: the configured hotkey)" };
        var signature = new Option<string>("--signature") { Description = "0x hex or base64 signature", Required = true };
        var verify = new Command("verify", "Check a signature; exit 0 if valid, 1 if not, 2 on malformed input") { verifyMessage, ss58, signature };
        verify.SetAction(parse => context.WithSettings(parse, s => new KeysVerifyCommand().Run(
            s.Wallet.ToLocation(), parse.GetValue(ss58), parse.GetValue(verifyMessage)!, parse.GetValue(signature)!, context.Out, context.Error)));

        foreach (var command in new[] { show, create, sign, verify }) BittensorFlags.AddTo(command, netuid: false);
        return new Command("keys", "Hotkey management and sr25519 signatures") { show, create, sign, verify };
    }
}
