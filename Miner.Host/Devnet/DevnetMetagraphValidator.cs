namespace Miner.Host.Devnet;

/// <summary>One validator in the devnet metagraph file: uid, hotkey (SS58), stake S in TAO, axon address and whether it serves.</summary>
public sealed record DevnetMetagraphValidator(int Uid, string Hotkey, double Stake, string Ip, int Port, bool Serving);
