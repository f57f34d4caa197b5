namespace Miner.Host.Devnet;

/// <summary>Stands in for the subnet's validation service: scores a submission's base64 SPZ against its task.</summary>
public interface ISubmissionScorer
{
    Task<SubmissionScore> ScoreAsync(DevnetTask task, string base64Results, CancellationToken cancellation);
}
