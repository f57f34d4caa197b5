namespace Miner.Models.Bittensor.Keys;

/// <summary>A wallet or hotkey name that would leave the wallet folder (slashes, '..', control characters).</summary>
public sealed class InvalidWalletNameException(string message) : ArgumentException(message);
