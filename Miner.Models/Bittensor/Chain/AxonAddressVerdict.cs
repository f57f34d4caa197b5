namespace Miner.Models.Bittensor.Chain;

/// <summary>Whether an axon may be dialled, and why not when it may not.</summary>
public readonly record struct AxonAddressVerdict(bool Allowed, AxonAddressCategory Category, string Reason);
