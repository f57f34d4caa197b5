using Miner.Host.Cli;

namespace Miner.Specs.Storage;

/// <summary>`miner db migrate FROM TO`: one summary line and exit 0, or one stderr line and exit 1.</summary>
public sealed class DbMigrateCommandSpec : IDisposable
{
    private readonly LegacyJournalFixture _files = new();

    public void Dispose() => _files.Dispose();

    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = MinerCli.Run(args, stdout, stderr, new Dictionary<string, string?>());
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Migrate_prints_one_summary_line_and_exits_0()
    {
        var (exit, output, error) = Run("db", "migrate", _files.Legacy, _files.Target);

        Assert.Equal((ExitCodes.Ok, ""), (exit, error));
        Assert.StartsWith("migrated 9 events and 1 snapshots", Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public void Migrate_from_a_missing_file_exits_1_with_one_stderr_line()
    {
        var (exit, output, error) = Run("db", "migrate", Path.Combine(_files.Folder, "nowhere.db"), _files.Target);

        Assert.Equal((ExitCodes.Failed, ""), (exit, output));
        Assert.Contains("no such file", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.False(File.Exists(_files.Target));
    }

    [Fact]
    public void Migrate_into_a_TO_with_events_exits_1()
    {
        Assert.Equal(ExitCodes.Ok, Run("db", "migrate", _files.Legacy, _files.Target).Exit);

        var (exit, _, error) = Run("db", "migrate", _files.Legacy, _files.Target);

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("already holds", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrate_without_TO_exits_1_naming_the_argument()
    {
        var (exit, _, error) = Run("db", "migrate", _files.Legacy);

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("TO", error, StringComparison.Ordinal);
    }
}
