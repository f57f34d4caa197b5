using System.Text.Json;
using Miner.Host.Devnet;
using Miner.Models.Files;

namespace Miner.Host.Commands.Devnet.Validators;

/// <summary>
/// <c>validators.json</c> of `miner devnet validators`: per validator its address, task supply and counters, and per
/// registered miner what that validator counted for it. Written through a temporary and a rename, so a reader never
/// sees half a file:
/// <code>
/// { "updated": "2026-12-09T10:00:00.000Z", "stopped": false, "netuid": 17, "seed": 1, "tasks_per_validator": 5,
///   "supply_ended": false,
///   "validators": [ { "uid": 0, "hotkey": "5F…", "port": 40123, "behaviour": "normal", "tasks_handed_out": 2, "exhausted": false,
///       "pulls": 9, "tasks_assigned": 2, "submissions": 2, "accepted": 1, "declined": 1, "failed": 0,
///       "cooldown_violations": 0, "unknown_hotkeys": 0, "blacklisted": 0,
///       "miners": [ { "uid": 4, "hotkey": "5G…", "pulls": 9, "tasks_assigned": 2, "submissions": 2, "accepted": 1, "declined": 1,
///           "failed": 0, "cooldown_violations": 0, "duplicate_submissions": 0, "unsubmitted_task": null } ] } ] }
/// </code>
/// <c>supply_ended</c>: every validator handed out its <c>tasks_per_validator</c> and settled each of them.
/// </summary>
public static class DevnetValidatorsReport
{
    public const string FileName = "validators.json";

    public static void Write(string path, DevnetNetwork network, int? tasksPerValidator, DateTimeOffset now, bool stopped) =>
        OutputFile.WriteAllBytes(path, Serialize(network, tasksPerValidator, now, stopped));

    public static byte[] Serialize(DevnetNetwork network, int? tasksPerValidator, DateTimeOffset now, bool stopped)
    {
        ArgumentNullException.ThrowIfNull(network);
        var status = network.Status();
        var miners = network.Validators.Select(v => v.Validator.MinerStats()).ToArray();
        var supplyEnded = tasksPerValidator is not null && network.Validators.All(v => v.Validator.Exhausted)
            && status.All(v => v.Stats.Accepted + v.Stats.Declined + v.Stats.Failed == v.Stats.TasksAssigned);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("updated", now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteBoolean("stopped", stopped);
            json.WriteNumber("netuid", network.Options.Netuid);
            json.WriteNumber("seed", network.Options.Seed);
            if (tasksPerValidator is { } k) json.WriteNumber("tasks_per_validator", k);
            else json.WriteNull("tasks_per_validator");
            json.WriteBoolean("supply_ended", supplyEnded);
            json.WriteStartArray("validators");
            for (var i = 0; i < status.Count; i++)
            {
                var (v, stats) = (status[i], status[i].Stats);
                json.WriteStartObject();
                json.WriteNumber("uid", v.Uid);
                json.WriteString("hotkey", v.Hotkey);
                json.WriteNumber("port", v.Port);
                json.WriteString("behaviour", v.Behaviour);
                json.WriteNumber("tasks_handed_out", stats.TasksAssigned);
                json.WriteBoolean("exhausted", network.Validators[i].Validator.Exhausted);
                json.WriteNumber("pulls", stats.Pulls);
                json.WriteNumber("tasks_assigned", stats.TasksAssigned);
                json.WriteNumber("submissions", stats.Submissions);
                json.WriteNumber("accepted", stats.Accepted);
                json.WriteNumber("declined", stats.Declined);
                json.WriteNumber("failed", stats.Failed);
                json.WriteNumber("cooldown_violations", stats.CooldownViolations);
                json.WriteNumber("duplicate_submissions", miners[i].Sum(m => m.DuplicateSubmissions));
                json.WriteNumber("unknown_hotkeys", stats.UnknownHotkeys);
                json.WriteNumber("blacklisted", stats.Blacklisted);
                json.WriteStartArray("miners");
                foreach (var m in miners[i]) WriteMiner(json, m);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteMiner(Utf8JsonWriter json, DevnetMinerStats m)
    {
        json.WriteStartObject();
        json.WriteNumber("uid", m.Uid);
        json.WriteString("hotkey", m.Hotkey);
        json.WriteNumber("pulls", m.Pulls);
        json.WriteNumber("tasks_assigned", m.TasksAssigned);
        json.WriteNumber("submissions", m.Submissions);
        json.WriteNumber("accepted", m.Accepted);
        json.WriteNumber("declined", m.Declined);
        json.WriteNumber("failed", m.Failed);
        json.WriteNumber("cooldown_violations", m.CooldownViolations);
        json.WriteNumber("duplicate_submissions", m.DuplicateSubmissions);
        if (m.UnsubmittedTask is { } id) json.WriteString("unsubmitted_task", id);
        else json.WriteNull("unsubmitted_task");
        json.WriteEndObject();
    }
}
