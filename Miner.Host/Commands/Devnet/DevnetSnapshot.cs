using Miner.Actors.Generation;
using Miner.Host.Devnet;

namespace Miner.Host.Commands.Devnet;

/// <summary>
/// The state of a devnet run at one moment, for the live table, the settled-task lines and the summary:
/// <see cref="SettledTasks"/> oldest first, <see cref="HandedOut"/> tasks of at most <see cref="TaskLimit"/>, and the
/// tasks the miner's router still holds (<see cref="MinerInFlight"/>: pulled, and no answer to their submission yet).
/// </summary>
public sealed record DevnetSnapshot(TimeSpan Elapsed, IReadOnlyList<DevnetValidatorRow> Validators, IReadOnlyList<GpuStatus> Gpus,
    int Generated, int DeclinedByMiner, IReadOnlyList<DevnetSettledTask> SettledTasks, int HandedOut, int? TaskLimit, int MinerInFlight)
{
    /// <summary>Submissions the validators settled: accepted, declined (empty) or failed.</summary>
    public long Settled => Validators.Sum(v => v.Status.Stats.Accepted + v.Status.Stats.Declined + v.Status.Stats.Failed);

    public long Accepted => Validators.Sum(v => v.Status.Stats.Accepted);

    public long Declined => Validators.Sum(v => v.Status.Stats.Declined);

    public long Failed => Validators.Sum(v => v.Status.Stats.Failed);

    public long Violations => Validators.Sum(v => v.Status.Stats.CooldownViolations);

    public long Penalties => Validators.Sum(v => v.Status.Stats.Penalties);

    /// <summary>Mean score of accepted results, weighted by how many each validator accepted; null before any.</summary>
    public double? MeanAcceptedScore => Accepted == 0 ? null
        : Validators.Sum(v => v.Status.Stats.MeanAcceptedScore * v.Status.Stats.Accepted) / Accepted;
}
