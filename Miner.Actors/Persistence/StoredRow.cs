using Miner.Actors.Storage;
using System.Data.Common;

namespace Miner.Actors.Persistence;

/// <summary>Reads journal and snapshot rows defensively: a NULL or mistyped column becomes a <see cref="CorruptJournalRowException"/>.</summary>
internal static class StoredRow
{
    public static JournalEntry ReadEvent(DbDataReader reader, string store, string persistenceId)
    {
        try
        {
            var sequenceNr = reader.GetInt64(0);
            return new JournalEntry(persistenceId, sequenceNr, Text(reader, 1, "manifest", sequenceNr), Text(reader, 2, "payload", sequenceNr),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));
        }
        catch (Exception error) when (error is InvalidCastException or FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            throw new CorruptJournalRowException(store, persistenceId, error.Message, error);
        }
    }

    public static SnapshotEntry ReadSnapshot(DbDataReader reader, string store, string persistenceId)
    {
        try
        {
            var sequenceNr = reader.GetInt64(0);
            return new SnapshotEntry(persistenceId, sequenceNr, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                Text(reader, 2, "manifest", sequenceNr), Text(reader, 3, "payload", sequenceNr));
        }
        catch (Exception error) when (error is InvalidCastException or FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            throw new CorruptJournalRowException(store, persistenceId, "snapshot: " + error.Message, error);
        }
    }

    private static string Text(DbDataReader reader, int ordinal, string column, long sequenceNr)
    {
        if (reader.IsDBNull(ordinal)) throw new InvalidCastException($"sequence number {sequenceNr}: column {column} is NULL");
        return reader.GetValue(ordinal) is string text
            ? text
            : throw new InvalidCastException($"sequence number {sequenceNr}: column {column} is {reader.GetFieldType(ordinal).Name}, not text");
    }
}
