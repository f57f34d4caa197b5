namespace Miner.Actors.Mining.Scoring;

/// <summary>Why and until when a validator is blacklisted (null <see cref="Until"/>: until removed).</summary>
public sealed record BlacklistEntry(string Reason, DateTimeOffset Since, DateTimeOffset? Until, bool Manual);
