using Miner.Host.Configuration;
using Miner.Specs.Bittensor;

namespace Miner.Specs.Configuration;

/// <summary>The miner home: where relative outputs resolve, how it is set, and how it is created or refused.</summary>
public sealed class MinerHomeSpecs : IDisposable
{
    private static readonly Dictionary<string, string?> NoEnvironment = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("miner-home-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static MinerSettings Settings(Dictionary<string, string?> environment, params string[] flags) =>
        MinerSettings.Bind(MinerConfiguration.Build(MinerConfiguration.DefaultsPath, null, environment, flags));

    [Fact]
    public void Relative_sqlite_path_resolves_under_the_miner_home()
    {
        var settings = Settings(NoEnvironment, "--miner.home", _folder, "--miner.persistence.sqlite-path", "data/miner.db");

        Assert.Equal(Path.Combine(_folder, "data", "miner.db"), settings.Persistence.SqlitePath);
    }

    [Fact]
    public void An_absolute_sqlite_path_is_used_as_given()
    {
        var settings = Settings(NoEnvironment, "--miner.home", _folder, "--miner.persistence.sqlite-path", "/var/lib/miner/ledger.db");

        Assert.Equal("/var/lib/miner/ledger.db", settings.Persistence.SqlitePath);
    }

    [Fact]
    public void The_log_file_resolves_under_the_miner_home()
    {
        var settings = Settings(NoEnvironment, "--miner.home", _folder);

        Assert.Equal(Path.Combine(_folder, "logs", "miner-.log"), settings.Logging.File.Path);
    }

    [Fact]
    public void The_default_home_is_sn17_miner_in_the_user_home_folder()
    {
        var user = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

        var settings = Settings(NoEnvironment);

        Assert.Equal(Path.Combine(user, ".sn17-miner"), settings.Home.Path);
        Assert.Equal(Path.Combine(user, ".sn17-miner", "data", "journal.db"), settings.Persistence.SqlitePath);
    }

    [Fact]
    public void MINER_HOME_sets_the_miner_home()
    {
        var settings = Settings(new Dictionary<string, string?> { ["MINER_HOME"] = _folder });

        Assert.Equal(_folder, settings.Home.Path);
    }

    [Fact]
    public void The_home_flag_wins_over_MINER_HOME()
    {
        var flag = Path.Combine(_folder, "flag");

        var settings = Settings(new Dictionary<string, string?> { ["MINER_HOME"] = _folder }, "--miner.home", flag);

        Assert.Equal(flag, settings.Home.Path);
    }

    [Fact]
    public void A_tilde_in_the_home_is_the_user_home_folder()
    {
        var user = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

        Assert.Equal(Path.Combine(user, "miners", "a"), MinerHome.FromSetting("~/miners/a").Path);
    }

    [UnixFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_missing_home_is_created_with_mode_0700()
    {
        var home = MinerHome.FromSetting(Path.Combine(_folder, "home"));

        home.Ensure();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(home.Path));
    }

    [Fact]
    public void A_home_that_is_a_file_is_refused_naming_it()
    {
        var file = Path.Combine(_folder, "file");
        File.WriteAllText(file, "");

        var error = Assert.Throws<IOException>(() => MinerHome.FromSetting(file).Ensure());

        Assert.Equal($"the miner home {file} (miner.home, MINER_HOME or --home) is a regular file, not a folder; point it at a folder", error.Message);
    }

    [Fact]
    public void A_home_that_cannot_be_created_is_refused_naming_it()
    {
        var file = Path.Combine(_folder, "file");
        File.WriteAllText(file, "");
        var below = Path.Combine(file, "home");

        var error = Assert.Throws<IOException>(() => MinerHome.FromSetting(below).Ensure());

        Assert.StartsWith($"cannot create the miner home {below} (miner.home, MINER_HOME or --home): ", error.Message, StringComparison.Ordinal);
    }
}
