using System.Globalization;
using System.Text;

namespace Miner.Host.Commands.Devnet;

/// <summary>The status table (drawn by <see cref="DevnetLiveTable"/>) and the closing summary of `miner devnet`, as plain text.</summary>
public static class DevnetStatusTable
{
    public static string Render(DevnetSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var text = new StringBuilder();
        var target = snapshot.TaskLimit is { } n ? Invariant($" of {n} (handed out {snapshot.HandedOut})") : "";
        text.AppendLine(Invariant($"miner devnet  {snapshot.Elapsed:hh\\:mm\\:ss}  settled {snapshot.Settled}{target}  accepted {snapshot.Accepted}  declined {snapshot.Declined}  failed {snapshot.Failed}  mean score {Score(snapshot.MeanAcceptedScore)}"));
        text.AppendLine();
        text.AppendLine("uid  behaviour                         cooldown  miner's view          pulls  acc  decl  fail  viol  score");
        foreach (var row in snapshot.Validators)
        {
            var s = row.Status.Stats;
            var cooldown = row.CooldownLeft is { } left ? Invariant($"{left.TotalSeconds,6:F0} s") : "   ready";
            var view = row.BlacklistReason is null ? "mining" : "BLACKLISTED";
            text.AppendLine(Invariant(
                $"{row.Status.Uid,3}  {Cut(row.Status.Behaviour, 32),-32}  {cooldown}  {view,-20}  {s.Pulls,5}  {s.Accepted,3}  {s.Declined,4}  {s.Failed,4}  {s.CooldownViolations,4}  {(s.Accepted > 0 ? s.MeanAcceptedScore.ToString("F3", CultureInfo.InvariantCulture) : "-"),5}"));
        }
        text.AppendLine();
        text.AppendLine("gpu     state        task                              stage       queued  done  declined");
        foreach (var gpu in snapshot.Gpus)
        {
            var state = gpu.Healthy ? (gpu.CurrentTaskId is null ? "idle" : "working") : "QUARANTINED";
            text.AppendLine(Invariant(
                $"{gpu.Gpu,-6}  {state,-11}  {Cut(gpu.CurrentTaskId ?? "-", 32),-32}  {gpu.CurrentStage ?? "-",-10}  {gpu.Queued,6}  {gpu.Completed,4}  {gpu.Declined,8}"));
        }
        var blacklisted = snapshot.Validators.Where(v => v.BlacklistReason is not null).ToList();
        foreach (var row in blacklisted) text.AppendLine(Invariant($"blacklisted uid {row.Status.Uid}: {row.BlacklistReason}"));
        return text.ToString();
    }

    public static string Summary(DevnetSnapshot snapshot, IReadOnlyDictionary<string, double> meanStageSeconds, int duplicateResults, string outDirectory)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Devnet run finished in {snapshot.Elapsed.TotalSeconds:F1} s"));
        text.AppendLine(Invariant($"  tasks settled   {snapshot.Settled} (miner generated {snapshot.Generated}, declined {snapshot.DeclinedByMiner})"));
        text.AppendLine(Invariant($"  accepted        {snapshot.Accepted}   mean score {Score(snapshot.MeanAcceptedScore)} (devnet PROXY score, not the subnet's)"));
        text.AppendLine(Invariant($"  declined        {snapshot.Declined} (empty submissions: text tasks without a text-to-image backend, or the gate said no)"));
        text.AppendLine(Invariant($"  failed          {snapshot.Failed}"));
        text.AppendLine(Invariant($"  violations      {snapshot.Violations}"));
        text.AppendLine(Invariant($"  penalties       {snapshot.Penalties}"));
        if (duplicateResults > 0) text.AppendLine(Invariant($"  DUPLICATE results for {duplicateResults} task(s)"));
        foreach (var row in snapshot.Validators.Where(v => v.BlacklistReason is not null))
            text.AppendLine(Invariant($"  blacklisted     uid {row.Status.Uid}: {row.BlacklistReason}"));
        text.AppendLine("  mean stage times:");
        foreach (var (stage, seconds) in meanStageSeconds.OrderBy(p => p.Key, StringComparer.Ordinal))
            text.AppendLine(Invariant($"    {stage,-10} {seconds,7:F3} s"));
        text.AppendLine($"  results (PLY, SPZ, grid PNG) and logs under {outDirectory}");
        return text.ToString();
    }

    private static string Score(double? score) => score is { } s ? s.ToString("F3", CultureInfo.InvariantCulture) : "-";

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
