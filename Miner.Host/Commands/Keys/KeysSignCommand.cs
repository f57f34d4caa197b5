using System.Security.Cryptography;
using System.Text;
using Miner.Models.Bittensor.Keys;

namespace Miner.Host.Commands.Keys;

/// <summary>
/// <c>miner keys sign --message TEXT</c>: prints the sr25519 signature (context "substrate") of
/// the UTF-8 bytes of TEXT as 0x + 128 hex digits. <paramref name="rng"/> is for tests only.
/// </summary>
public sealed class KeysSignCommand(RandomNumberGenerator? rng = null)
{
    public int Run(WalletLocation wallet, string message, TextWriter stdout, TextWriter stderr)
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
        var signature = hotkey.Keypair.Sign(Encoding.UTF8.GetBytes(message), rng);
        stdout.WriteLine($"0x{Convert.ToHexStringLower(signature)}");
        return 0;
    }
}
