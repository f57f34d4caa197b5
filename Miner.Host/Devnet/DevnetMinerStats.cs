namespace Miner.Host.Devnet;

/// <summary>One devnet validator's counters for one registered miner, at a moment.</summary>
/// <param name="Pulls">Every PullTask from the miner that reached the handler, those on cooldown included.</param>
/// <param name="TasksAssigned">New tasks handed to it (re-pulls of the same task not counted).</param>
/// <param name="Submissions">SubmitResults that reached the handler.</param>
/// <param name="Failed">Penalised (score under the threshold or a bad licence signature) plus validation failed.</param>
/// <param name="CooldownViolations">Pulls during a cooldown, never taken back.</param>
/// <param name="DuplicateSubmissions">
/// Submissions of a task this validator had already settled for the miner. A submission refused with 403 because
/// no task is assigned counts here once the miner has settled one: the blacklist sees only the headers, not the
/// task id, and in the devnet a miner's only other tasks are settled ones.
/// </param>
/// <param name="UnsubmittedTask">The id of the task assigned now that no submission has named; null when none.</param>
public sealed record DevnetMinerStats(
    string Hotkey, int Uid, long Pulls, long TasksAssigned, long Submissions, long Accepted, long Declined, long Failed,
    long CooldownViolations, long DuplicateSubmissions, string? UnsubmittedTask);
