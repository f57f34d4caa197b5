namespace Miner.Host.Devnet;

/// <summary>
/// The devnet's metagraph as written to its JSON file (see <see cref="DevnetMetagraphFile"/>): its validators and the
/// miners they recognise (empty for `miner devnet`, which registers its miner in memory).
/// </summary>
public sealed record DevnetMetagraph(int Netuid, IReadOnlyList<DevnetMetagraphValidator> Validators)
{
    public IReadOnlyList<DevnetMetagraphMiner> Miners { get; init; } = [];
}
