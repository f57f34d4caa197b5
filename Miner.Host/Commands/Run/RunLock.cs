using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Miner.Actors.Storage;
using Miner.Host.Configuration;
using Miner.Models.Files;
using Npgsql;

namespace Miner.Host.Commands.Run;

/// <summary>
/// Keeps a second `miner run` off the hotkey and database a running one uses: two miners on one hotkey would pull
/// the same tasks, and two on one ledger would write its journal at once. The lock is an OS lock on
/// <c>&lt;home&gt;/locks/&lt;hotkey&gt;.&lt;database key&gt;.lock</c> (<see cref="LockFile"/>), released when the process
/// ends, even by kill -9; the file names the holder's pid, hotkey and database for the refusal.
/// </summary>
public static class RunLock
{
    /// <summary>What the database is, for the lock and the messages: <c>sqlite /abs/miner.db</c>, <c>postgres host:5432/miner</c>.</summary>
    public static string DatabaseOf(PersistenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider == PersistenceProvider.Sqlite) return "sqlite " + Path.GetFullPath(options.SqlitePath);
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(options.PostgresConnectionString);
            return string.Create(CultureInfo.InvariantCulture, $"postgres {builder.Host}:{builder.Port}/{builder.Database}");
        }
        catch (ArgumentException)
        {
            return "postgres (connection string not readable)"; // the persistence check names the problem
        }
    }

    /// <summary>The lock file of <paramref name="hotkey"/> on <paramref name="database"/>: one per pair, under the home.</summary>
    public static string PathFor(MinerHome home, string hotkey, string database)
    {
        ArgumentNullException.ThrowIfNull(home);
        // A database identity is a path or a host: hashed, it makes a file name of fixed length and safe characters.
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(database)))[..12];
        return Path.Combine(home.Locks, $"{hotkey}.{key}.lock");
    }

    /// <summary>Takes the lock for this process, or refuses naming the process that holds it.</summary>
    public static LockFile Take(MinerHome home, string hotkey, string database)
    {
        var path = PathFor(home, hotkey, database);
        try
        {
            Directory.CreateDirectory(home.Locks);
            var note = string.Create(CultureInfo.InvariantCulture,
                $"pid {Environment.ProcessId}\nhotkey {hotkey}\ndatabase {database}\nstarted {DateTimeOffset.UtcNow:u}\n");
            return LockFile.TryAcquire(path, note, out var holder) ?? throw Held(path, hotkey, database, holder);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new RunRefusedException($"cannot take the run lock {path}: {error.Message}", error);
        }
    }

    /// <summary>Refuses when another process holds the lock; takes nothing, so a dry run does not get in a miner's way.</summary>
    /// <returns>The lock file's path, free now.</returns>
    public static string Probe(MinerHome home, string hotkey, string database)
    {
        var path = PathFor(home, hotkey, database);
        string? holder;
        try
        {
            holder = LockFile.Holder(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new RunRefusedException($"cannot read the run lock {path}: {error.Message}", error);
        }
        return holder is null ? path : throw Held(path, hotkey, database, holder);
    }

    private static RunRefusedException Held(string path, string hotkey, string database, string note)
    {
        var pid = note.Split('\n').FirstOrDefault(l => l.StartsWith("pid ", StringComparison.Ordinal))?[4..].Trim();
        var who = string.IsNullOrEmpty(pid) ? "another miner" : $"another miner (pid {pid})";
        return new RunRefusedException(
            $"{who} is running on hotkey {hotkey} with {database} (it holds {path}); stop it first, or give this one another hotkey or database");
    }
}
