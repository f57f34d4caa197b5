using Miner.Models.Protocol;

namespace Miner.Actors.Mining.Scoring;

/// <summary>One validator's row of the <see cref="ScoreLedger"/> as a snapshot stores it (every field, so a restored ledger decides alike).</summary>
public sealed record ValidatorRowState(
    string Hotkey, int Uid, int Pulls, int PullFailures, int Submissions, int Declines, int Accepted, int Failed, int Abandoned,
    double? LastScore, double ScoreSum, int ScoreCount, DateTimeOffset? CooldownUntil, long Violations, Feedback? LastFeedback,
    int ConsecutiveTransportFailures, BlacklistEntry? Blacklist, bool OnProbation, TimeSpan? LastPeriod, IReadOnlyList<bool> RecentScored,
    int PredictedCount = 0, double PredictedSum = 0, double PredictedActualSum = 0, double PredictedAbsErrorSum = 0);
