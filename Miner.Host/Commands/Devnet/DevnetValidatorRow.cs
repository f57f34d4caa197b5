using Miner.Host.Devnet;

namespace Miner.Host.Commands.Devnet;

/// <summary>A validator as the status table shows it: the devnet's counters, the miner's cooldown there (the
/// validator's own record), and whether the miner's ScoreKeeper has blacklisted it.</summary>
public sealed record DevnetValidatorRow(DevnetValidatorStatus Status, TimeSpan? CooldownLeft, string? BlacklistReason);
