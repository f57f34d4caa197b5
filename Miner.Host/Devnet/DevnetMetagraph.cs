namespace Miner.Host.Devnet;

/// <summary>The devnet's metagraph as written to its JSON file (see <see cref="DevnetMetagraphFile"/>).</summary>
public sealed record DevnetMetagraph(int Netuid, IReadOnlyList<DevnetMetagraphValidator> Validators);
