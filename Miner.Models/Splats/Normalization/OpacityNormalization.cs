namespace Miner.Models.Splats;

/// <summary>What <see cref="OpacityNormalizer"/> decided: whether it shifted the logits, by how much, and why.</summary>
public sealed record OpacityNormalization(bool Applied, double MeanBefore, double MeanAfter, double Shift, string Reason);
