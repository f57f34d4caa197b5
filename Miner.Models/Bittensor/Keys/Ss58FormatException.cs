namespace Miner.Models.Bittensor.Keys;

/// <summary>An SS58 address that cannot be used, with the reason as a value and in the message.</summary>
public sealed class Ss58FormatException(Ss58Error reason, string message) : FormatException(message)
{
    public Ss58Error Reason { get; } = reason;
}
