namespace Miner.Host.Devnet;

/// <summary>A devnet validator for a status table: who it is, where it listens, how it behaves, and its counters.</summary>
public sealed record DevnetValidatorStatus(int Uid, string Hotkey, int Port, string Behaviour, DevnetValidatorStatsSnapshot Stats);
