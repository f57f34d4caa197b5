using System.Security.Cryptography;
using System.Text;
using Miner.Models.Bittensor.Crypto;

namespace Miner.Host.Devnet;

/// <summary>
/// Deterministic development hotkeys: the sr25519 mini secret is SHA-256 of a label naming the seed and the role, so a
/// seed always yields the same devnet. For the devnet only: anyone who knows the seed knows the keys.
/// </summary>
public static class DevnetKeys
{
    public static Sr25519Keypair Validator(int seed, int uid) => FromLabel($"sn17-devnet/{seed}/validator/{uid}");

    /// <summary>A dev hotkey for a miner running against the devnet.</summary>
    public static Sr25519Keypair Miner(int seed, int index = 0) => FromLabel($"sn17-devnet/{seed}/miner/{index}");

    private static Sr25519Keypair FromLabel(string label)
    {
        var mini = SHA256.HashData(Encoding.UTF8.GetBytes(label));
        try
        {
            return Sr25519Keypair.FromMiniSecret(mini);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(mini);
        }
    }
}
