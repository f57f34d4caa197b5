namespace Miner.Host.Devnet;

/// <summary>How a devnet validator settled a task.</summary>
public enum DevnetTaskOutcome
{
    /// <summary>Scored at or over the threshold.</summary>
    Accepted,

    /// <summary>An empty submission (no penalty).</summary>
    Declined,

    /// <summary>Scored under the threshold, or a bad licence signature: a cooldown penalty.</summary>
    Penalised,

    /// <summary>The validation service gave no answer.</summary>
    ValidationFailed,
}
