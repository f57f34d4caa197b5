namespace Miner.Actors.Mining.Scoring;

/// <summary>What a subscriber of the ScoreKeeper wants to hear; each gets only what it handles.</summary>
[Flags]
public enum ValidatorEvents
{
    /// <summary><see cref="ValidatorCooldownKnown"/> (the pollers).</summary>
    Cooldowns = 1,

    /// <summary><see cref="BlacklistChanged"/> (the metagraph).</summary>
    BlacklistChanges = 2,

    All = Cooldowns | BlacklistChanges,
}
