using Miner.Models.Files;

namespace Miner.Host.Configuration;

/// <summary>
/// The one folder the long-running commands keep their outputs under (the SQLite file, the logs, the run locks),
/// so that they do not land wherever a service manager set the working directory. Set by <c>miner.home</c>,
/// <c>MINER_HOME</c> or <c>--home DIR</c>; default <c>~/.sn17-miner</c>. Relative paths in settings resolve against it.
/// </summary>
public sealed class MinerHome
{
    public const string DefaultSetting = "~/.sn17-miner";

    /// <summary>Where the home is set, for messages.</summary>
    public const string Settings = "miner.home, MINER_HOME or --home";

    private MinerHome(string path) => Path = path;

    /// <summary>The home's absolute path.</summary>
    public string Path { get; }

    /// <summary>Where <c>miner run</c> keeps its per-hotkey locks.</summary>
    public string Locks => System.IO.Path.Combine(Path, "locks");

    /// <summary>
    /// The home a setting names: <c>~</c> is the user's home folder; a relative path is taken from the working
    /// directory (the operator typed it there); empty means the default.
    /// </summary>
    public static MinerHome FromSetting(string? setting) =>
        new(System.IO.Path.GetFullPath(ExpandTilde(string.IsNullOrWhiteSpace(setting) ? DefaultSetting : setting.Trim())));

    /// <summary>An absolute path (or <c>~/...</c>) as given; a relative one under the home; empty stays empty.</summary>
    public string Resolve(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) return path;
        var expanded = ExpandTilde(path);
        return System.IO.Path.IsPathRooted(expanded) ? expanded : System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, expanded));
    }

    /// <summary>
    /// Creates the home with mode 0700 (it holds the ledger and the logs of one operator) when missing.
    /// </summary>
    /// <exception cref="IOException">One line: the home exists and is not a folder, or cannot be created.</exception>
    public void Ensure()
    {
        var status = FileStatus.Of(Path);
        if (status.Kind == FileKind.Directory) return;
        if (status.Exists) throw new IOException($"the miner home {Path} ({Settings}) is {status.Describe()}, not a folder; point it at a folder");
        try
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(Path);
            else Directory.CreateDirectory(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot create the miner home {Path} ({Settings}): {error.Message}", error);
        }
    }

    public override string ToString() => Path;

    private static string ExpandTilde(string path)
    {
        if (path != "~" && !path.StartsWith("~/", StringComparison.Ordinal)) return path;
        var user = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return path.Length == 1 ? user : System.IO.Path.Combine(user, path[2..]);
    }
}
