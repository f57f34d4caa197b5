using Miner.Models.Protocol;

namespace Miner.Actors.Generation;

/// <summary>
/// A protocol-free unit of work for a GPU pool: the router builds it from a validator's task, the stages never see
/// the validator. <see cref="Prompt"/> is text, or the base64 image for <see cref="TaskKind.Image"/>.
/// </summary>
public sealed record GenerationTask(string TaskId, TaskKind Kind, string Prompt, int Seed, DateTimeOffset Deadline)
{
    public override string ToString() =>
        Kind == TaskKind.Text ? $"text task {TaskId} \"{Prompt}\"" : $"image task {TaskId} ({Prompt.Length} base64 chars)";
}
