using System.Globalization;
using Miner.Host.Devnet;
using Miner.Models.Protocol;

namespace Miner.Host.Commands.Devnet;

/// <summary>
/// Progress for a log or a pipe: one line per task as it settles (task id, validator uid, kind, outcome, score,
/// seconds from hand-out to settlement), nothing redrawn.
/// </summary>
public sealed class DevnetSettledLines(TextWriter output) : IDevnetProgressView
{
    private int _printed;

    public void Show(DevnetSnapshot snapshot)
    {
        for (; _printed < snapshot.SettledTasks.Count; _printed++)
            output.WriteLine(Line(snapshot.SettledTasks[_printed], _printed + 1, snapshot.TaskLimit));
        output.Flush();
    }

    /// <summary>The line of the <paramref name="number"/>th settled task.</summary>
    public static string Line(DevnetSettledTask task, int number, int? limit)
    {
        ArgumentNullException.ThrowIfNull(task);
        var count = limit is { } n ? $"{number}/{n}" : number.ToString(CultureInfo.InvariantCulture);
        var kind = task.Kind == TaskKind.Text ? "text" : "image";
        var score = task.Score is { } s ? s.ToString("F3", CultureInfo.InvariantCulture) : "-";
        return string.Create(CultureInfo.InvariantCulture,
            $"settled {count}  task {task.TaskId}  uid {task.ValidatorUid}  {kind}  {Outcome(task.Outcome)}  score {score}  {task.Took.TotalSeconds:F1} s");
    }

    private static string Outcome(DevnetTaskOutcome outcome) => outcome switch
    {
        DevnetTaskOutcome.Accepted => "accepted",
        DevnetTaskOutcome.Declined => "declined",
        DevnetTaskOutcome.Penalised => "penalised",
        _ => "validation-failed",
    };
}
