using Miner.Models.Protocol;

namespace Miner.Models.Bittensor.Wire;

/// <summary>
/// The result of one dendrite call. <see cref="Synapse"/> is the validator's answer and is set only when
/// <see cref="Status"/> is <see cref="DendriteStatus.Ok"/>; <see cref="HttpStatus"/> is null when no response came.
/// </summary>
public sealed record DendriteOutcome<T>(DendriteStatus Status, int? HttpStatus, string? Message, T? Synapse, TimeSpan Elapsed)
    where T : Synapse
{
    public bool IsOk => Status == DendriteStatus.Ok;

    public override string ToString() =>
        $"{typeof(T).Name} {Status}{(HttpStatus is { } code ? $" ({code})" : "")}{(Message is null ? "" : $": {Message}")} in {Elapsed.TotalMilliseconds:F0} ms";
}
