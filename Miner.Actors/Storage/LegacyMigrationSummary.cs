namespace Miner.Actors.Storage;

/// <summary>What <see cref="LegacyJournalMigration"/> copied.</summary>
/// <param name="Target">Where the events went, safe to log (a path, or a PostgreSQL database and host; never a connection string).</param>
/// <param name="HighestSequenceNrs">Per persistence id, the number a recovered actor continues after.</param>
/// <param name="UnknownManifests">Manifests the miner's serializer does not know: copied as they are, reported so nobody is surprised when recovery refuses them.</param>
public sealed record LegacyMigrationSummary(
    string Source,
    string Target,
    IReadOnlyList<string> PersistenceIds,
    int Events,
    int Snapshots,
    IReadOnlyDictionary<string, long> HighestSequenceNrs,
    IReadOnlyList<string> UnknownManifests)
{
    /// <summary>One line for the CLI and the first-start log.</summary>
    public override string ToString() =>
        $"migrated {Events} events and {Snapshots} snapshots of {PersistenceIds.Count} persistence ids ({string.Join(", ", PersistenceIds)}) from {Source} into {Target}"
        + (UnknownManifests.Count == 0 ? "" : $"; unknown manifests copied as they are: {string.Join(", ", UnknownManifests)}");
}
