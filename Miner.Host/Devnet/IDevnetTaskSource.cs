namespace Miner.Host.Devnet;

/// <summary>Where a devnet validator gets the next task to assign (thread-safe).</summary>
public interface IDevnetTaskSource
{
    DevnetTask Next();
}
