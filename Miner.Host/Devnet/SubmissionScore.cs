namespace Miner.Host.Devnet;

/// <summary>
/// A scorer's answer. <see cref="ValidationFailed"/> stands for the validation service not answering (the validator
/// fails the task without penalty); otherwise <see cref="Score"/> is compared with the quality threshold.
/// </summary>
public sealed record SubmissionScore(double Score, string Reason, bool ValidationFailed = false)
{
    public static SubmissionScore Failed(string reason) => new(0, reason, ValidationFailed: true);

    public override string ToString() => ValidationFailed ? $"validation failed: {Reason}" : $"{Score:F3} ({Reason})";
}
