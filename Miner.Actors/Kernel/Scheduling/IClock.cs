namespace Miner.Actors.Kernel;

/// <summary>The only source of "now" for actors and policies, so specs can run in virtual time.</summary>
public interface IClock
{
    DateTimeOffset UtcNow { get; }
}
