using Miner.Models.Protocol;

namespace Miner.Host.Devnet;

/// <summary>
/// A task a devnet validator settled: its kind, the outcome, the score it gave (null for an empty submission or a
/// validation without answer), and the time from hand-out to settlement.
/// </summary>
public sealed record DevnetSettledTask(string TaskId, int ValidatorUid, TaskKind Kind, DevnetTaskOutcome Outcome, double? Score, TimeSpan Took);
