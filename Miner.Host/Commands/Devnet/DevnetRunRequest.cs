using Miner.Host.Configuration;
using Miner.Host.Devnet;

namespace Miner.Host.Commands.Devnet;

/// <summary>One devnet run: the devnet's settings, the miner's, the number of CPU pools standing in for cards, where
/// results and the log go, and how many tasks the devnet hands out in all (null: without end).</summary>
public sealed record DevnetRunRequest(DevnetOptions Devnet, MinerSettings Miner, int Gpus, string OutDirectory, int? TaskLimit = null);
