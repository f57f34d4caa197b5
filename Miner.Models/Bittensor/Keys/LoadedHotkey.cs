using Miner.Models.Bittensor.Crypto;

namespace Miner.Models.Bittensor.Keys;

/// <summary>A hotkey read from its keyfile, with warnings (file permissions, fallbacks) for the caller to log.</summary>
public sealed record LoadedHotkey(Sr25519Keypair Keypair, string Path, IReadOnlyList<string> Warnings)
{
    public string Ss58Address => Ss58.Encode(Keypair.PublicKey);
}
