using System.Globalization;
using System.Text.Json;
using Miner.Host.Admin;
using Miner.Host.Cli;

namespace Miner.Host.Commands.Ctl;

/// <summary>
/// What each `miner ctl` subcommand asks the node and how it prints the answer: aligned plain-text tables, or with
/// <c>--json</c> the endpoint's JSON as it came. Exit 0 done, 1 refused (4xx, bad input), 2 unreachable (or 5xx).
/// </summary>
public sealed class CtlCommand(CtlClient client, bool json, TextWriter stdout, Func<DateTimeOffset>? now = null)
{
    private readonly Func<DateTimeOffset> _now = now ?? (() => DateTimeOffset.UtcNow);

    /// <summary>Runs <paramref name="action"/>; a <see cref="CtlFailure"/> becomes its exit code and one line on stderr.</summary>
    public static int Run(TextWriter stderr, Func<Task<int>> action)
    {
        try
        {
            return action().GetAwaiter().GetResult();
        }
        catch (CtlFailure failure)
        {
            stderr.WriteLine($"ctl: {failure.Message}");
            return failure.ExitCode;
        }
        catch (AdminRefusedException refused)
        {
            stderr.WriteLine($"ctl: {refused.Message}");
            return ExitCodes.Failed;
        }
        catch (JsonException error)
        {
            stderr.WriteLine($"ctl: the node's answer is not what this version reads ({FailureReport.OneLine(error.Message)})");
            return ExitCodes.Unreachable;
        }
    }

    /// <summary>An actor path as given, or under /user/miner when relative (<c>router</c>, <c>gpus/gpu-0</c>).</summary>
    public static string ActorPath(string path) => path.StartsWith('/') ? path : "/user/miner/" + path;

    public async Task<int> HierarchyAsync(string? path, int? depth)
    {
        var query = new List<string>();
        if (path is not null) query.Add("path=" + Uri.EscapeDataString(ActorPath(path)));
        if (depth is not null) query.Add("depth=" + depth.Value.ToString(CultureInfo.InvariantCulture));
        var text = await client.SendAsync(HttpMethod.Get, "api/actors" + (query.Count > 0 ? "?" + string.Join('&', query) : "")).ConfigureAwait(false);
        if (Raw(text)) return ExitCodes.Ok;
        var root = Read<ActorRow>(text);
        var table = new TextTable("PATH", "TYPE", "MAILBOX", "STASH", "RESTARTS", "TIMERS", "STATE");
        void Add(ActorRow row, int level)
        {
            var indent = new string(' ', level * 2);
            table.Add(indent + row.Path, row.Type, Num(row.Mailbox), row.Stash?.ToString(CultureInfo.InvariantCulture), Num(row.Restarts),
                row.Timers.Count == 0 ? null : string.Join(',', row.Timers), Text(row.State));
            foreach (var child in row.Children) Add(child, level + 1);
            foreach (var silent in row.Unresponsive) table.Add(indent + "  ! " + silent.Path, silent.ActorType ?? "?", "", "", "", "", "no report: " + silent.Reason);
            if (row.Children.Count == 0 && row.Unresponsive.Count == 0 && row.ChildCount > 0)
                table.Add(indent + "  … " + row.ChildCount + " more below (raise --depth)", "", "", "", "", "", "");
        }
        Add(root, 0);
        stdout.Write(table.ToString());
        return ExitCodes.Ok;
    }

    public async Task<int> ShowAsync(string path)
    {
        var text = await client.SendAsync(HttpMethod.Get, "api/actors/show?path=" + Uri.EscapeDataString(ActorPath(path))).ConfigureAwait(false);
        if (Raw(text)) return ExitCodes.Ok;
        var row = Read<ActorRow>(text);
        var table = new TextTable("FIELD", "VALUE");
        table.Add("path", row.Path);
        table.Add("type", row.Type);
        table.Add("state", Text(row.State));
        table.Add("mailbox", Num(row.Mailbox));
        table.Add("stash", row.Stash?.ToString(CultureInfo.InvariantCulture));
        table.Add("restarts", Num(row.Restarts));
        table.Add("timers", row.Timers.Count == 0 ? null : string.Join(", ", row.Timers));
        table.Add("children", Num(row.ChildCount));
        stdout.Write(table.ToString());
        return ExitCodes.Ok;
    }

    public async Task<int> ValidatorsAsync()
    {
        var text = await client.SendAsync(HttpMethod.Get, "api/validators").ConfigureAwait(false);
        if (Raw(text)) return ExitCodes.Ok;
        var body = Read<ValidatorsBody>(text);
        var table = new TextTable("UID", "HOTKEY", "STAKE", "COOLDOWN", "BANNED", "PULLS", "ACCEPTED", "DECLINED", "FAILED", "MEAN", "LAST", "BAN REASON");
        foreach (var v in body.Validators)
            table.Add(Num(v.Uid), v.Hotkey + (v.Eligible ? "" : " (not eligible)"), v.StakeTao?.ToString("0", CultureInfo.InvariantCulture),
                Until(v.CooldownUntil), v.Banned ? v.BanUntil is null ? "until removed" : Until(v.BanUntil) ?? "yes" : null,
                Num(v.Pulls), Num(v.Accepted), Num(v.Declined), Num(v.Failed), Score(v.MeanScore), Score(v.LastFeedback?.TaskFidelityScore), v.BanReason);
        stdout.Write(table.ToString());
        return ExitCodes.Ok;
    }

    public async Task<int> TasksAsync()
    {
        var text = await client.SendAsync(HttpMethod.Get, "api/tasks").ConfigureAwait(false);
        if (Raw(text)) return ExitCodes.Ok;
        var body = Read<TasksBody>(text);
        var table = new TextTable("TASK", "UID", "KIND", "STAGE", "GPU", "ELAPSED", "ATTEMPT");
        foreach (var t in body.Tasks)
            table.Add(t.TaskId, Num(t.ValidatorUid), t.Kind, t.Stage, t.Gpu, t.ElapsedSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s",
                t.Attempt?.ToString(CultureInfo.InvariantCulture));
        stdout.Write(table.ToString());
        stdout.WriteLine($"{body.Tasks.Count} task(s) in flight, {body.OpenSlots} open slot(s), {body.PullsInFlight} pull(s) in flight, {body.AvailableValidators} validator(s) available");
        return ExitCodes.Ok;
    }

    public async Task<int> GpusAsync()
    {
        var text = await client.SendAsync(HttpMethod.Get, "api/gpus").ConfigureAwait(false);
        if (Raw(text)) return ExitCodes.Ok;
        var body = Read<GpusBody>(text);
        var table = new TextTable("GPU", "HEALTH", "TASK", "STAGE", "ATTEMPT", "QUEUED", "GENERATED", "DECLINED", "FAILURES");
        foreach (var g in body.Gpus)
            table.Add(g.Gpu, g.Healthy ? "healthy" : "quarantined", g.CurrentTaskId, g.CurrentStage, g.CurrentTaskId is null ? null : Num(g.CurrentAttempt),
                Num(g.Queued), Num(g.Completed), Num(g.Declined), Num(g.ConsecutiveFailures));
        foreach (var name in body.Unanswered) table.Add(name, "no answer", "", "", "", "", "", "", "");
        stdout.Write(table.ToString());
        return ExitCodes.Ok;
    }

    public async Task<int> BlacklistListAsync()
    {
        var text = await client.SendAsync(HttpMethod.Get, "api/blacklist").ConfigureAwait(false);
        if (Raw(text)) return ExitCodes.Ok;
        var table = new TextTable("UID", "HOTKEY", "UNTIL", "REASON");
        foreach (var b in Read<BlacklistBody>(text).Blacklist)
            table.Add(Num(b.Uid), b.Hotkey, b.Until is { } u ? u.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "removed by hand", b.Reason);
        stdout.Write(table.ToString());
        return ExitCodes.Ok;
    }

    public async Task<int> BlacklistAddAsync(int uid, string? duration, string? reason)
    {
        var text = await client.SendAsync(HttpMethod.Post, "api/blacklist", new Dictionary<string, object?> { ["uid"] = uid, ["for"] = duration, ["reason"] = reason })
            .ConfigureAwait(false);
        if (Raw(text)) return ExitCodes.Ok;
        var v = Read<ValidatorRow>(text);
        stdout.WriteLine($"uid {v.Uid} ({v.Hotkey}) blacklisted {(v.BanUntil is { } u ? "until " + u.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "until removed")}: {v.BanReason}");
        return ExitCodes.Ok;
    }

    public async Task<int> BlacklistRemoveAsync(int uid)
    {
        var text = await client.SendAsync(HttpMethod.Delete, "api/blacklist/" + uid.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        if (Raw(text)) return ExitCodes.Ok;
        var v = Read<ValidatorRow>(text);
        stdout.WriteLine(v.Banned ? $"uid {v.Uid} ({v.Hotkey}) is still blacklisted: {v.BanReason}" : $"uid {v.Uid} ({v.Hotkey}) is no longer blacklisted");
        return ExitCodes.Ok;
    }

    public async Task<int> DrainAsync()
    {
        var text = await client.SendAsync(HttpMethod.Post, "api/drain").ConfigureAwait(false);
        if (Raw(text)) return ExitCodes.Ok;
        var body = Read<PullingBody>(text);
        stdout.WriteLine($"pulling stopped; {body.InFlight} task(s) in flight finish and are submitted (tasks no card had yet are declined); `miner ctl resume` undoes it");
        return ExitCodes.Ok;
    }

    public async Task<int> ResumeAsync()
    {
        var text = await client.SendAsync(HttpMethod.Post, "api/resume").ConfigureAwait(false);
        if (Raw(text)) return ExitCodes.Ok;
        var body = Read<PullingBody>(text);
        stdout.WriteLine($"pulling resumed; {body.InFlight} task(s) in flight");
        return ExitCodes.Ok;
    }

    private bool Raw(string text)
    {
        if (!json) return false;
        stdout.WriteLine(text.TrimEnd());
        return true;
    }

    private static T Read<T>(string text) => JsonSerializer.Deserialize<T>(text, AdminJson.Options)
                                             ?? throw new JsonException($"an empty {typeof(T).Name}");

    private static string? Text(string text) => text.Length == 0 ? null : text;

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Score(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Time left until <paramref name="until"/> (<c>4m12s</c>), or nothing when it has passed.</summary>
    private string? Until(DateTimeOffset? until)
    {
        if (until is not { } u || u <= _now()) return null;
        var left = u - _now();
        return left.TotalHours >= 1 ? $"{(int)left.TotalHours}h{left.Minutes:00}m" : left.TotalMinutes >= 1 ? $"{(int)left.TotalMinutes}m{left.Seconds:00}s" : $"{left.Seconds}s";
    }
}
