using Miner.Models.Protocol;

namespace Miner.Actors.Mining.Edge;

/// <summary>
/// The validator protocol at the edge: pull a task, submit a result (or decline with an empty one). Implementations
/// never throw for network trouble; they answer with a <see cref="PullReply"/>/<see cref="SubmitReply"/> that says so.
/// </summary>
public interface IValidatorClient
{
    Task<PullReply> PullAsync(ValidatorInfo validator, CancellationToken cancellation = default);

    /// <summary>Signs and sends <paramref name="spz"/> for <paramref name="task"/>; empty bytes decline the task.</summary>
    Task<SubmitReply> SubmitAsync(ValidatorInfo validator, ProtocolTask task, ReadOnlyMemory<byte> spz, CancellationToken cancellation = default);
}
