namespace Miner.Host.Devnet;

/// <summary>
/// What one devnet validator counted for one registered miner. Mutated by <see cref="DevnetValidator"/> under its lock
/// (so plain fields suffice); read through <see cref="Snapshot"/>. The settled task ids are kept so a second
/// submission of a settled task can be told from any other.
/// </summary>
internal sealed class DevnetMinerCounters(string hotkey)
{
    private readonly HashSet<string> _settled = new(StringComparer.Ordinal);

    public string Hotkey { get; } = hotkey;

    public long Pulls { get; set; }
    public long TasksAssigned { get; set; }
    public long Submissions { get; set; }
    public long Accepted { get; set; }
    public long Declined { get; set; }
    public long Failed { get; set; }

    /// <summary>Every pull during a cooldown (the validator's own count goes down again with each checked submission).</summary>
    public long CooldownViolations { get; set; }

    public long DuplicateSubmissions { get; set; }

    /// <summary>The task assigned now that no submission has named yet.</summary>
    public string? Unsubmitted { get; set; }

    public bool HasSettledAny => _settled.Count > 0;

    public bool WasSettled(string taskId) => _settled.Contains(taskId);

    public void Settled(string taskId)
    {
        _settled.Add(taskId);
        if (Unsubmitted == taskId) Unsubmitted = null;
    }

    public DevnetMinerStats Snapshot(int uid) =>
        new(Hotkey, uid, Pulls, TasksAssigned, Submissions, Accepted, Declined, Failed, CooldownViolations, DuplicateSubmissions, Unsubmitted);
}
