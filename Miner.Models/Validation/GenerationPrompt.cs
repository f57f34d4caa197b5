using Miner.Models.Protocol;

namespace Miner.Models.Validation;

/// <summary>What a cloud was generated from: the text prompt, or the base64 image for <see cref="TaskKind.Image"/>.</summary>
public sealed record GenerationPrompt(TaskKind Kind, string Prompt)
{
    public override string ToString() => Kind == TaskKind.Text ? $"\"{Prompt}\"" : $"image prompt ({Prompt.Length} base64 chars)";
}
