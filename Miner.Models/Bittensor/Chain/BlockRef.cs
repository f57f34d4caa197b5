namespace Miner.Models.Bittensor.Chain;

/// <summary>A block pinned for one sync: its hash (<c>0x</c> + 64 hex digits, as the node writes it) and number.</summary>
public sealed record BlockRef(string Hash, ulong Number)
{
    public override string ToString() => $"#{Number} ({Hash})";
}
