using Miner.Models.Protocol;

namespace Miner.Actors.Mining.Scoring;

/// <summary>One validator's figures as the ScoreKeeper answers them (an immutable copy of the ledger's row).</summary>
public sealed record ValidatorLedgerEntry(
    string Hotkey,
    int Uid,
    int Pulls,
    int PullFailures,
    int Submissions,
    int Declines,
    int Accepted,
    int Failed,
    int Abandoned,
    double? LastScore,
    double? AverageScore,
    DateTimeOffset? CooldownUntil,
    long Violations,
    Feedback? LastFeedback,
    int ConsecutiveTransportFailures,
    BlacklistEntry? Blacklist,
    bool OnProbation,
    ScorePredictionAccuracy? Prediction = null);
