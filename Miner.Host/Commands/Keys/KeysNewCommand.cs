using System.Security.Cryptography;
using Miner.Models.Bittensor.Keys;

namespace Miner.Host.Commands.Keys;

/// <summary>
/// <c>miner keys new</c>: writes a fresh hotkey keyfile (and HOTKEYpub.txt) in the bittensor
/// layout with mode 0600; refuses to overwrite. <paramref name="rng"/> is for tests only.
/// </summary>
public sealed class KeysNewCommand(RandomNumberGenerator? rng = null)
{
    public int Run(WalletLocation wallet, TextWriter stdout, TextWriter stderr)
    {
        LoadedHotkey hotkey;
        try
        {
            hotkey = new Wallet(wallet).CreateHotkey(rng);
        }
        catch (KeyfileException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return 1;
        }
        foreach (var warning in hotkey.Warnings) stderr.WriteLine($"warning: {warning}");
        stdout.WriteLine($"created     {hotkey.Path}");
        stdout.WriteLine($"ss58        {hotkey.Ss58Address}");
        stdout.WriteLine($"public key  0x{Convert.ToHexStringLower(hotkey.Keypair.PublicKey)}");
        stdout.WriteLine("The key file is the only copy of this hotkey's secret: back it up somewhere safe.");
        return 0;
    }
}
