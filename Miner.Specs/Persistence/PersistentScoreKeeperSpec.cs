using System.Net;
using Akka.Actor;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Scoring;
using Miner.Actors.Storage;
using Miner.Models.Bittensor.Wire;
using Miner.Models.Protocol;
using Miner.Models.Splats;
using Miner.Specs.TestKit;

namespace Miner.Specs.Persistence;

/// <summary>The persistent ScoreKeeper: what it journaled on a SQLite file survives a dead actor system.</summary>
public sealed class PersistentScoreKeeperSpec : IDisposable
{
    private static readonly ValidatorInfo Validator = new(9, "hk9", new AxonTarget(IPAddress.Parse("203.0.113.9"), 9009, "hk9"), 5000);
    private static readonly MiningOptions Options = new() { Blacklist = { NoAcceptWindow = 3, Period = TimeSpan.FromHours(1) } };
    private readonly TempSqliteFile _file = new();

    public void Dispose() => _file.Dispose();


    /// <summary>First "process": one accepted result with a 270 s cooldown and a manual blacklisting for an hour; then it dies.</summary>
    private void RunAndDie(out DateTimeOffset cooldownUntil, out DateTimeOffset blacklistedUntil)
    {
        using var kit = new SqliteJournalSpec(_file.DatabasePath);
        var keeper = kit.StartActor(Props.Create(() => new ScoreKeeper(Options, new ValidatorEventSubscribers(), 500)), "scorekeeper");
        var subscriber = kit.CreateTestProbe("subscriber");
        keeper.Tell(new SubscribeValidatorEvents(subscriber.Ref, ValidatorEvents.All));
        cooldownUntil = kit.Clock.Now.AddSeconds(270);
        blacklistedUntil = kit.Clock.Now.AddHours(1);
        keeper.Tell(new SubmissionReported(Validator, "t1", false,
            SubmitReply.Answered(new Feedback { TaskFidelityScore = 0.8 }, cooldownUntil), DensityBucket.Sparse));
        keeper.Tell(new AddToBlacklist("hk2", 2, "operator says so", blacklistedUntil));
        Assert.Equal(cooldownUntil, subscriber.ExpectMsg<ValidatorCooldownKnown>().Until);
        Assert.True(subscriber.ExpectMsg<BlacklistChanged>().Blacklisted); // both written: handlers run after the write
    }

    [Fact]
    public void After_a_kill_a_subscriber_learns_the_recovered_cooldowns()
    {
        RunAndDie(out var cooldownUntil, out _);
        using var kit = new SqliteJournalSpec(_file.DatabasePath);
        var keeper = kit.StartActor(Props.Create(() => new ScoreKeeper(Options, new ValidatorEventSubscribers(), 500)), "scorekeeper");
        var poller = kit.CreateTestProbe("poller");
        keeper.Tell(new SubscribeValidatorEvents(poller.Ref, ValidatorEvents.All));
        Assert.Equal(new ValidatorCooldownKnown("hk9", cooldownUntil), poller.ExpectMsg<ValidatorCooldownKnown>());
    }

    [Fact]
    public void After_a_kill_the_scores_are_recovered()
    {
        RunAndDie(out _, out _);
        using var kit = new SqliteJournalSpec(_file.DatabasePath);
        var keeper = kit.StartActor(Props.Create(() => new ScoreKeeper(Options, new ValidatorEventSubscribers(), 500)), "scorekeeper");
        var entry = kit.Await(keeper.Ask<LedgerEntryReply>(new GetLedgerEntry("hk9"), TimeSpan.FromSeconds(5))).Entry!;
        Assert.Equal((1, 1, 0.8), (entry.Submissions, entry.Accepted, entry.LastScore));
        var rates = kit.Await(keeper.Ask<SuccessRates>(new GetSuccessRates(), TimeSpan.FromSeconds(5)));
        Assert.Equal(new SuccessRate(1, 1), rates.ByBucket[DensityBucket.Sparse]);
    }

    [Fact]
    public void After_a_kill_the_blacklist_is_recovered_and_still_expires()
    {
        RunAndDie(out _, out var blacklistedUntil);
        using var kit = new SqliteJournalSpec(_file.DatabasePath);
        var keeper = kit.StartActor(Props.Create(() => new ScoreKeeper(Options, new ValidatorEventSubscribers(), 500)), "scorekeeper");
        var subscriber = kit.CreateTestProbe("subscriber");
        keeper.Tell(new SubscribeValidatorEvents(subscriber.Ref, ValidatorEvents.All));
        var blacklist = kit.Await(keeper.Ask<BlacklistSnapshot>(new GetBlacklist(), TimeSpan.FromSeconds(5)));
        Assert.Equal(blacklistedUntil, blacklist.Dynamic["hk2"].Until);
        subscriber.FishForMessage<ValidatorCooldownKnown>(_ => true);
        kit.Advance(TimeSpan.FromMinutes(61));
        var restored = subscriber.FishForMessage<BlacklistChanged>(_ => true);
        Assert.Equal(("hk2", false), (restored.Hotkey, restored.Blacklisted));
    }

    [Fact]
    public void Every_snapshot_every_events_the_ledger_is_snapshotted_and_a_new_keeper_recovers_from_it()
    {
        using (var kit = new SqliteJournalSpec(_file.DatabasePath))
        {
            var first = kit.StartActor(Props.Create(() => new ScoreKeeper(Options, new ValidatorEventSubscribers(), 2)), "scorekeeper");
            Report(kit, first, "t1", 0.8);
            Report(kit, first, "t2", 0);
            Assert.Equal(2, kit.Await(first.Ask<LedgerEntryReply>(new GetLedgerEntry("hk9"), TimeSpan.FromSeconds(5))).Entry!.Submissions);
            kit.AwaitAssert(() => Assert.Equal(2L, Sql("SELECT max(sequence_number) FROM snapshot WHERE persistence_id = 'scorekeeper';")));
        }
        Sql("DELETE FROM journal WHERE persistence_id = 'scorekeeper';"); // only the snapshot is left to recover from
        using var second = new SqliteJournalSpec(_file.DatabasePath);
        var keeper = second.StartActor(Props.Create(() => new ScoreKeeper(Options, new ValidatorEventSubscribers(), 2)), "scorekeeper");
        var entry = second.Await(keeper.Ask<LedgerEntryReply>(new GetLedgerEntry("hk9"), TimeSpan.FromSeconds(5))).Entry!;
        Assert.Equal((2, 1, 1, 0.0), (entry.Submissions, entry.Accepted, entry.Failed, entry.LastScore));
    }

    private static void Report(MinerSpec kit, IActorRef keeper, string taskId, double score) =>
        keeper.Tell(new SubmissionReported(Validator, taskId, false,
            SubmitReply.Answered(new Feedback { TaskFidelityScore = score }, kit.Clock.Now.AddSeconds(270)), DensityBucket.Dense));

    /// <summary>Runs one statement on the journal file (Akka.Persistence.Sql's tables) and returns its scalar.</summary>
    private object? Sql(string statement)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_file.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = statement;
        return command.ExecuteScalar();
    }
}
