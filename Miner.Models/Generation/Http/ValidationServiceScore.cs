namespace Miner.Models.Generation;

/// <summary>
/// The subnet validation service's answer: <see cref="Score"/> is the final 0..1 score a validator would compute
/// (under 0.6 is a failed task), the others are its parts (quality predictor, prompt alignment, ssim, lpips).
/// </summary>
public sealed record ValidationServiceScore(double Score, double Iqa, double Alignment, double Ssim, double Lpips);
