using Miner.Host.Configuration;

namespace Miner.Host.Commands.Run;

/// <summary>
/// One `miner run`: the bound settings; <see cref="DryRun"/> checks everything and prints a report without mining;
/// <see cref="NvidiaSmi"/> is the executable queried for the device report (absent = no card found).
/// </summary>
public sealed record RunRequest(MinerSettings Settings, bool DryRun, string NvidiaSmi = "nvidia-smi");
