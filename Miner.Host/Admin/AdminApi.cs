using System.Globalization;
using System.Text.Json;
using Akka.Actor;
using Microsoft.AspNetCore.Http;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Generation;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Metagraph;
using Miner.Actors.Mining.Routing;
using Miner.Actors.Mining.Scoring;
using Miner.Models.Configuration.Hocon;

namespace Miner.Host.Admin;

/// <summary>
/// The resources of the admin endpoint. Every query is a message to the <see cref="MinerGuardian"/>, which forwards it
/// to the child that answers it, with an explicit timeout (504 past it); actions are the same messages an actor would send.
/// </summary>
public sealed class AdminApi(ActorSystem system, IActorRef guardian, TimeSpan askTimeout, Serilog.ILogger? logger = null)
{
    /// <summary>Largest request body read (400 above it).</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>Longest blacklisting by hand that `for` may ask for.</summary>
    private static readonly TimeSpan LongestBan = TimeSpan.FromDays(3650);

    public async Task<AdminResponse> HandleAsync(HttpRequest request, CancellationToken cancellation)
    {
        var path = (request.Path.Value ?? "/").TrimEnd('/');
        var method = request.Method;
        try
        {
            return (method, path) switch
            {
                ("GET", "/api/actors") => await ActorsAsync(request.Query["path"], request.Query["depth"]).ConfigureAwait(false),
                ("GET", "/api/actors/show") => await ShowAsync(request.Query["path"]).ConfigureAwait(false),
                ("GET", "/api/validators") => AdminResponse.Ok(await ValidatorsAsync().ConfigureAwait(false)),
                ("GET", "/api/tasks") => AdminResponse.Ok(await TasksAsync().ConfigureAwait(false)),
                ("GET", "/api/gpus") => AdminResponse.Ok(await GpusAsync().ConfigureAwait(false)),
                ("GET", "/api/blacklist") => AdminResponse.Ok(await BlacklistAsync().ConfigureAwait(false)),
                ("POST", "/api/blacklist") => await AddToBlacklistAsync(request, cancellation).ConfigureAwait(false),
                ("DELETE", _) when path.StartsWith("/api/blacklist/", StringComparison.Ordinal) =>
                    await RemoveFromBlacklistAsync(path["/api/blacklist/".Length..]).ConfigureAwait(false),
                ("POST", "/api/drain") => await DrainAsync().ConfigureAwait(false),
                ("POST", "/api/resume") => await ResumeAsync().ConfigureAwait(false),
                (_, "/api/actors" or "/api/actors/show" or "/api/validators" or "/api/tasks" or "/api/gpus" or "/api/blacklist" or "/api/drain" or "/api/resume")
                    => AdminResponse.Fail(405, $"{method} is not allowed on {path}"),
                _ => AdminResponse.Fail(404, $"no resource {Printable(path)} (see docs/operations.md, \"The admin endpoint and miner ctl\")"),
            };
        }
        catch (AskTimeoutException error)
        {
            return AdminResponse.Fail(504, $"the actors did not answer within {askTimeout.TotalSeconds:0.###} s ({error.Message})");
        }
    }

    private async Task<AdminResponse> ActorsAsync(string? path, string? depthText)
    {
        int? depth = null;
        if (!string.IsNullOrEmpty(depthText))
        {
            if (!int.TryParse(depthText, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d > 1000)
                return AdminResponse.Fail(400, $"depth: expected a whole number in [0, 1000], got '{Printable(depthText)}'");
            depth = d;
        }
        var report = await FindAsync(path).ConfigureAwait(false);
        return report.Found is { } found ? AdminResponse.Ok(ActorRow.From(found, depth)) : report.Refusal!;
    }

    private async Task<AdminResponse> ShowAsync(string? path)
    {
        if (string.IsNullOrEmpty(path)) return AdminResponse.Fail(400, "path: required (e.g. /user/miner/router)");
        var report = await FindAsync(path).ConfigureAwait(false);
        return report.Found is { } found ? AdminResponse.Ok(ActorRow.From(found, 0)) : report.Refusal!;
    }

    /// <summary>The report of <paramref name="path"/> (default: the guardian) in a snapshot of the mining tree.</summary>
    private async Task<(ActorReport? Found, AdminResponse? Refusal)> FindAsync(string? path)
    {
        var wanted = string.IsNullOrEmpty(path) ? "/user/" + MinerGuardian.Name : path.TrimEnd('/');
        if (wanted.Length > 1000 || !wanted.StartsWith('/'))
            return (null, AdminResponse.Fail(400, $"path: expected an actor path such as /user/miner/router, got '{Printable(wanted)}'"));
        var tree = await IntrospectionClient.SnapshotAsync(system, guardian, askTimeout).ConfigureAwait(false);
        var found = tree.Find(wanted);
        if (found is not null) return (found, null);
        var silent = tree.AllUnresponsive().FirstOrDefault(u => u.Path == wanted);
        return (null, silent is not null
            ? AdminResponse.Fail(504, $"{wanted} gave no report: {silent.Reason}")
            : AdminResponse.Fail(404, $"no actor {Printable(wanted)} under {tree.Path}"));
    }

    private Task<T> Ask<T>(object message) => guardian.Ask<T>(message, askTimeout);

    public async Task<ValidatorsBody> ValidatorsAsync()
    {
        var set = await Ask<ValidatorSetReply>(new GetValidatorSet()).ConfigureAwait(false);
        var ledger = await Ask<LedgerEntries>(new GetLedgerEntries()).ConfigureAwait(false);
        var blacklist = await Ask<BlacklistSnapshot>(new GetBlacklist()).ConfigureAwait(false);
        var entries = ledger.Entries.ToDictionary(e => e.Hotkey, StringComparer.Ordinal);
        var rows = new List<ValidatorRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var validator in set.Current)
        {
            seen.Add(validator.Hotkey);
            rows.Add(Row(validator.Uid, validator.Hotkey, validator.StakeTao, true, entries.GetValueOrDefault(validator.Hotkey), blacklist));
        }
        foreach (var entry in ledger.Entries.Where(e => !seen.Contains(e.Hotkey)))
            rows.Add(Row(entry.Uid, entry.Hotkey, null, false, entry, blacklist));
        return new ValidatorsBody(rows.OrderBy(r => r.Uid).ThenBy(r => r.Hotkey, StringComparer.Ordinal).ToList(), set.SyncedAt);
    }

    private static ValidatorRow Row(int uid, string hotkey, double? stake, bool eligible, ValidatorLedgerEntry? entry, BlacklistSnapshot blacklist)
    {
        var reason = blacklist.ReasonFor(hotkey, uid);
        return new ValidatorRow(uid, hotkey, stake, eligible, entry?.CooldownUntil, reason is not null, reason, entry?.Blacklist?.Until,
            entry?.Pulls ?? 0, entry?.Accepted ?? 0, entry?.Declines ?? 0, entry?.Failed ?? 0, entry?.Abandoned ?? 0, entry?.Violations ?? 0,
            entry?.AverageScore, entry?.LastFeedback);
    }

    private async Task<BlacklistBody> BlacklistAsync()
    {
        var validators = await ValidatorsAsync().ConfigureAwait(false);
        return new BlacklistBody(validators.Validators.Where(v => v.Banned).Select(v => new BlacklistRow(v.Uid, v.Hotkey, v.BanReason!, v.BanUntil)).ToList());
    }

    private async Task<TasksBody> TasksAsync()
    {
        var inFlight = await Ask<InFlightTasks>(new GetInFlightTasks()).ConfigureAwait(false);
        var gpus = await GpusAsync().ConfigureAwait(false);
        var now = system.Scheduler.Now;
        var rows = inFlight.Tasks.OrderBy(t => t.PulledAt).Select(t =>
        {
            var card = gpus.Gpus.FirstOrDefault(g => g.CurrentTaskId == t.TaskId);
            return new TaskRow(t.TaskId, t.Validator.Uid, t.Validator.Hotkey, t.Task.Kind.ToString().ToLowerInvariant(),
                t.Stage.ToString().ToLowerInvariant(), t.Gpu, t.PulledAt, Math.Round((now - t.PulledAt).TotalSeconds, 1), card?.CurrentAttempt);
        }).ToList();
        return new TasksBody(rows, inFlight.OpenSlots, inFlight.PullsInFlight, inFlight.AvailableValidators);
    }

    private async Task<GpusBody> GpusAsync()
    {
        var cards = await Ask<List<IActorRef>>(new GetGpus()).ConfigureAwait(false);
        var asks = cards.Select(async card =>
        {
            try
            {
                return (card.Path.Name, Status: await card.Ask<GpuStatus>(GpuStatusQuery.Instance, askTimeout).ConfigureAwait(false));
            }
            catch (AskTimeoutException)
            {
                return (card.Path.Name, Status: (GpuStatus?)null);
            }
        }).ToList();
        var answers = await Task.WhenAll(asks).ConfigureAwait(false);
        return new GpusBody(answers.Where(a => a.Status is not null).Select(a => a.Status!).OrderBy(g => g.Gpu, StringComparer.Ordinal).ToList(),
            answers.Where(a => a.Status is null).Select(a => a.Name).Order(StringComparer.Ordinal).ToList());
    }

    private async Task<AdminResponse> AddToBlacklistAsync(HttpRequest request, CancellationToken cancellation)
    {
        var body = await ReadBodyAsync(request, cancellation).ConfigureAwait(false);
        if (body.Refusal is not null) return body.Refusal;
        int? uid = null;
        string? hotkey = null, reason = null;
        TimeSpan? duration = null;
        try
        {
            using var document = JsonDocument.Parse(body.Bytes, new JsonDocumentOptions { MaxDepth = 4 });
            if (document.RootElement.ValueKind != JsonValueKind.Object) return AdminResponse.Fail(400, "body: expected a JSON object {\"uid\": N, \"for\": \"2h\", \"reason\": \"...\"}");
            foreach (var property in document.RootElement.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "uid" when property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out var u) && u >= 0:
                        uid = u;
                        break;
                    case "hotkey" when property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.Length is > 0 and <= 100:
                        hotkey = property.Value.GetString();
                        break;
                    case "reason" when property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.Length <= 500:
                        reason = property.Value.GetString();
                        break;
                    case "for" when property.Value.ValueKind == JsonValueKind.String:
                        if (!HoconDuration.TryParse(property.Value.GetString(), out var d, out var error))
                            return AdminResponse.Fail(400, $"for: {error}");
                        if (d <= TimeSpan.Zero || d > LongestBan) return AdminResponse.Fail(400, $"for: expected a duration in (0, 3650d], got '{Printable(property.Value.GetString()!)}'");
                        duration = d;
                        break;
                    case "for" when property.Value.ValueKind == JsonValueKind.Null:
                        break;
                    case "uid" or "hotkey" or "reason" or "for":
                        return AdminResponse.Fail(400, property.Name switch
                        {
                            "uid" => "uid: expected a whole number >= 0",
                            "hotkey" => "hotkey: expected an SS58 address (a string of at most 100 characters)",
                            "reason" => "reason: expected a string of at most 500 characters",
                            _ => "for: expected a duration such as \"2h\" or \"30m\"",
                        });
                    default:
                        return AdminResponse.Fail(400, $"body: unknown field '{Printable(property.Name)}' (uid, hotkey, for, reason)");
                }
            }
        }
        catch (JsonException error)
        {
            return AdminResponse.Fail(400, $"body: not JSON ({error.Message})");
        }
        if (uid is null && hotkey is null) return AdminResponse.Fail(400, "body: uid or hotkey required");
        var validators = await ValidatorsAsync().ConfigureAwait(false);
        var target = validators.Validators.FirstOrDefault(v => (uid is null || v.Uid == uid) && (hotkey is null || v.Hotkey == hotkey));
        if (target is null)
            return AdminResponse.Fail(404, uid is not null && hotkey is not null ? $"no validator with uid {uid} and hotkey {Printable(hotkey)}"
                : uid is not null ? $"no validator with uid {uid} in the metagraph or the ledger" : $"no validator with hotkey {Printable(hotkey!)} in the metagraph or the ledger");
        var until = duration is { } span ? system.Scheduler.Now + span : (DateTimeOffset?)null;
        var text = string.IsNullOrWhiteSpace(reason) ? "by the operator" : FlattenLine(reason);
        guardian.Tell(new AddToBlacklist(target.Hotkey, target.Uid, text, until));
        logger?.Information("admin: blacklisting {Hotkey} (uid {Uid}) until {Until}: {Reason}", target.Hotkey, target.Uid, until?.ToString("u") ?? "removed by hand", text);
        // The keeper journals the event before it answers the next message, so this read sees it.
        var after = await ValidatorsAsync().ConfigureAwait(false);
        return AdminResponse.Ok(after.Validators.First(v => v.Hotkey == target.Hotkey));
    }

    private async Task<AdminResponse> RemoveFromBlacklistAsync(string uidText)
    {
        if (!int.TryParse(uidText, NumberStyles.None, CultureInfo.InvariantCulture, out var uid))
            return AdminResponse.Fail(400, $"uid: expected a whole number >= 0, got '{Printable(Uri.UnescapeDataString(uidText))}'");
        var validators = await ValidatorsAsync().ConfigureAwait(false);
        var target = validators.Validators.FirstOrDefault(v => v.Uid == uid);
        if (target is null) return AdminResponse.Fail(404, $"no validator with uid {uid} in the metagraph or the ledger");
        var ledger = await Ask<LedgerEntryReply>(new GetLedgerEntry(target.Hotkey)).ConfigureAwait(false);
        if (ledger.Entry?.Blacklist is null)
            return target.Banned
                ? AdminResponse.Fail(400, $"uid {uid}: {target.BanReason}; remove it from miner.mining.blacklist in the settings instead")
                : AdminResponse.Fail(404, $"uid {uid} is not blacklisted");
        guardian.Tell(new RemoveFromBlacklist(target.Hotkey));
        logger?.Information("admin: {Hotkey} (uid {Uid}) removed from the blacklist by hand", target.Hotkey, uid);
        var after = await ValidatorsAsync().ConfigureAwait(false);
        return AdminResponse.Ok(after.Validators.First(v => v.Hotkey == target.Hotkey));
    }

    private async Task<AdminResponse> DrainAsync()
    {
        var stopped = await Ask<PullingStopped>(StopPulling.Instance).ConfigureAwait(false);
        logger?.Information("admin: pulling stopped by the operator; {InFlight} task(s) in flight", stopped.InFlight);
        return AdminResponse.Ok(new PullingBody(false, stopped.InFlight));
    }

    private async Task<AdminResponse> ResumeAsync()
    {
        var resumed = await Ask<PullingResumed>(ResumePulling.Instance).ConfigureAwait(false);
        return AdminResponse.Ok(new PullingBody(true, resumed.InFlight));
    }

    /// <summary>The body, at most <see cref="MaxBodyBytes"/>; a larger one is refused without reading the rest.</summary>
    private static async Task<(byte[] Bytes, AdminResponse? Refusal)> ReadBodyAsync(HttpRequest request, CancellationToken cancellation)
    {
        var tooLarge = AdminResponse.Fail(400, $"body: larger than {MaxBodyBytes} bytes");
        if (request.ContentLength > MaxBodyBytes) return ([], tooLarge);
        var buffer = new byte[MaxBodyBytes + 1];
        var read = 0;
        try
        {
            while (read < buffer.Length)
            {
                var n = await request.Body.ReadAsync(buffer.AsMemory(read), cancellation).ConfigureAwait(false);
                if (n == 0) break;
                read += n;
            }
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            return ([], tooLarge);
        }
        if (read > MaxBodyBytes) return ([], tooLarge);
        if (read == 0) return ([], AdminResponse.Fail(400, "body: empty; expected a JSON object"));
        return (buffer[..read], null);
    }

    /// <summary>At most 80 characters of what the client sent, control characters replaced, for an error line.</summary>
    private static string Printable(string text)
    {
        var cut = text.Length > 80 ? text[..80] + "…" : text;
        return new string(cut.Select(c => char.IsControl(c) ? '?' : c).ToArray());
    }

    private static string FlattenLine(string text) => new(text.Trim().Select(c => char.IsControl(c) ? ' ' : c).ToArray());
}
