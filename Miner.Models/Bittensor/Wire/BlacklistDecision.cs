namespace Miner.Models.Bittensor.Wire;

/// <summary>An axon blacklist hook's answer; a refusal becomes 403 <c>Forbidden. Key is blacklisted: {reason}.</c></summary>
public readonly record struct BlacklistDecision(bool Blacklisted, string Reason)
{
    public static BlacklistDecision Allow { get; } = new(false, "Allowed");

    public static BlacklistDecision Refuse(string reason) => new(true, reason);
}
