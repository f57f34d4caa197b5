namespace Miner.Actors.Storage;

/// <summary>
/// A migration refused because of its input (a missing or foreign FROM, a TO that already holds events, a row out of
/// bounds). The message is one line that names the file and the problem; the CLI prints it and exits 1.
/// </summary>
public sealed class LegacyMigrationException : Exception
{
    public LegacyMigrationException(string message) : base(message)
    {
    }

    public LegacyMigrationException(string message, Exception inner) : base(message, inner)
    {
    }
}
