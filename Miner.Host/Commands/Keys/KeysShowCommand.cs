using Miner.Models.Bittensor.Keys;

namespace Miner.Host.Commands.Keys;

/// <summary><c>miner keys show</c>: loads and cross-checks the configured hotkey, prints its SS58 address and public key.</summary>
public sealed class KeysShowCommand
{
    public int Run(WalletLocation wallet, TextWriter stdout, TextWriter stderr)
    {
        LoadedHotkey hotkey;
        try
        {
            hotkey = new Wallet(wallet).LoadHotkey();
        }
        catch (KeyfileException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return 1;
        }
        foreach (var warning in hotkey.Warnings) stderr.WriteLine($"warning: {warning}");
        stdout.WriteLine($"wallet      {wallet.Name}");
        stdout.WriteLine($"hotkey      {wallet.Hotkey}");
        stdout.WriteLine($"file        {hotkey.Path}");
        stdout.WriteLine($"ss58        {hotkey.Ss58Address}");
        stdout.WriteLine($"public key  0x{Convert.ToHexStringLower(hotkey.Keypair.PublicKey)}");
        return 0;
    }
}
