using Miner.Host.Commands.Devnet;
using Miner.Host.Configuration;
using Miner.Host.Devnet;

namespace Miner.Specs.EndToEnd;

/// <summary>
/// The real miner tree (pollers, router, submitter, ScoreKeeper, CPU-fallback generation actors, real dendrite)
/// against the real devnet validators on loopback, in real time. Cooldowns are cut to seconds and the clouds to
/// 20K gaussians so a run of ten tasks stays short on a loaded 2-core machine; every wait polls against a deadline.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class DevnetEndToEndSpecs : IDisposable
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);
    private readonly string _out = Path.Combine(Path.GetTempPath(), "miner-e2e-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Ten_tasks_against_the_devnet_settle_without_violations_double_submissions_or_decline_penalties()
    {
        await using var session = await StartAsync();
        var snapshot = await PollAsync(session, s => s.Settled >= 10 && s.Validators.Single(v => v.Status.Uid == 3).BlacklistReason is not null);

        Assert.Equal(0, snapshot.Violations);
        Assert.True(snapshot.Declined > 0, "text tasks are declined with an empty submission");
        foreach (var row in snapshot.Validators)
        {
            var stats = row.Status.Stats;
            // Penalties only ever follow a non-empty result: an empty submission (a decline) never costs one.
            Assert.True(stats.Penalised <= stats.Submissions - stats.Declined, $"uid {row.Status.Uid}: {stats}");
            // Each pulled task is submitted once: no resubmission answered with feedback only, no 403 for a task
            // not assigned, and at most the one task still in flight at this validator unsubmitted.
            Assert.Equal(0, stats.FeedbackOnly);
            Assert.Equal(0, stats.Blacklisted);
            Assert.InRange(stats.TasksAssigned - stats.Submissions, 0, 1);
            // A submission is counted when it arrives and its outcome once scored, so one may be mid-scoring.
            Assert.InRange(stats.Submissions - (stats.Accepted + stats.Declined + stats.Penalised + stats.ValidationFailed), 0, 1);
        }
        Assert.Equal(0, session.Recorder.DuplicateResults);
        Assert.Equal(0, session.Network.Status().Sum(s => s.Stats.UnknownHotkeys));
    }

    [Fact]
    public async Task The_never_accepting_validator_is_blacklisted_by_the_score_keeper()
    {
        await using var session = await StartAsync();
        var snapshot = await PollAsync(session, s => s.Validators.Any(v => v.BlacklistReason is not null));

        var blacklisted = snapshot.Validators.Where(v => v.BlacklistReason is not null).Select(v => v.Status.Uid).ToList();
        Assert.Equal([3], blacklisted);
        Assert.True(snapshot.Validators.Single(v => v.Status.Uid == 3).Status.Stats.Penalised >= 2);
    }

    [Fact]
    public async Task Generated_results_are_written_as_ply_spz_and_grid_png()
    {
        await using var session = await StartAsync();
        await PollAsync(session, s => s.Generated >= 1);
        await session.Recorder.FlushAsync();

        var paths = session.Recorder.Written[0];
        Assert.Equal(_out, Path.GetDirectoryName(paths.Ply));
        Assert.True(new FileInfo(paths.Ply).Length > 0);
        Assert.True(new FileInfo(paths.Spz).Length > 0);
        Assert.True(new FileInfo(paths.Grid).Length > 0);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_out, "logs")));
    }

    private async Task<DevnetSession> StartAsync()
    {
        var devnet = DevnetConfiguration.Load(DevnetOptions.DefaultsPath, null, NoEnvironment,
        [
            "--devnet.rules.task-cooldown=10s", "--devnet.rules.throttle-period=3s", "--devnet.rules.cooldown-penalty=10s",
            "--devnet.rules.validation-lock=2s", "--devnet.tasks.text-share=0.3",
        ]);
        devnet.MetagraphFile = Path.Combine(_out, "metagraph.json");
        var miner = MinerSettings.Bind(MinerConfiguration.Build(MinerConfiguration.DefaultsPath, null, NoEnvironment,
            ["--miner.cpu-backends.gaussian-budget=20000"]));
        return await DevnetSession.StartAsync(new DevnetRunRequest(devnet, miner, 1, _out));
    }

    /// <summary>Polls the run's state until <paramref name="done"/> holds; fails with the last state at the deadline.</summary>
    private static async Task<DevnetSnapshot> PollAsync(DevnetSession session, Func<DevnetSnapshot, bool> done)
    {
        var start = DateTime.UtcNow;
        while (true)
        {
            var snapshot = await session.SnapshotAsync();
            if (done(snapshot)) return snapshot;
            if (DateTime.UtcNow - start > Deadline)
                Assert.Fail("devnet run did not get there in time:\n" + DevnetStatusTable.Render(snapshot) + LogTail(session));
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private static string LogTail(DevnetSession session) =>
        string.Join('\n', Directory.GetFiles(session.LogDirectory).SelectMany(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new StreamReader(stream).ReadToEnd().Split('\n').TakeLast(40).ToList();
        }));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_out, recursive: true);
        }
        catch (IOException)
        {
            // A log file still closing; the temp folder is cleaned by the OS.
        }
    }
}
