using Akka.Actor;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Actors.Mining.Ledger;
using Miner.Actors.Storage;
using Miner.Models.Protocol;
using Miner.Specs.TestKit;

namespace Miner.Specs.Persistence;

/// <summary>The in-flight task ledger on a SQLite file across a killed actor system.</summary>
public sealed class TaskLedgerSpec : IDisposable
{
    private readonly TempSqliteFile _file = new();

    public void Dispose() => _file.Dispose();


    private static TaskPulled Pulled(string validator, string taskId) =>
        new(validator, 1, taskId, TaskKind.Text, $"a prompt for {taskId}", DateTimeOffset.UnixEpoch);

    /// <summary>Records <paramref name="events"/> (each acknowledged, so written) in a system that then dies.</summary>
    private void RunAndDie(params ITaskLedgerEvent[] events)
    {
        using var kit = new SqliteJournalSpec(_file.DatabasePath);
        var ledger = kit.StartActor(Props.Create(() => new TaskLedger(500)), "ledger");
        foreach (var e in events) kit.Await(ledger.Ask<TaskRecorded>(new RecordTask(e), TimeSpan.FromSeconds(5)));
    }

    private IReadOnlyList<UnsettledTask> UnsettledAfterRestart()
    {
        using var kit = new SqliteJournalSpec(_file.DatabasePath);
        var ledger = kit.StartActor(Props.Create(() => new TaskLedger(500)), "ledger");
        return kit.Await(ledger.Ask<UnsettledTasks>(new GetUnsettledTasks(), TimeSpan.FromSeconds(5))).Tasks;
    }

    [Fact]
    public void After_a_kill_the_tasks_in_flight_are_known_with_their_validator_and_prompt()
    {
        RunAndDie(Pulled("hk1", "t1"), Pulled("hk2", "t2"));
        var tasks = UnsettledAfterRestart();
        Assert.Equal(["hk1", "hk2"], tasks.Select(t => t.Pulled.ValidatorHotkey));
        Assert.Equal("a prompt for t2", tasks[1].Pulled.Prompt);
        Assert.All(tasks, t => Assert.False(t.SubmissionSent));
    }

    [Fact]
    public void A_task_settled_before_the_kill_is_not_in_flight_after_restart()
    {
        RunAndDie(Pulled("hk1", "t1"), new TaskSubmitted("t1", DateTimeOffset.UnixEpoch), new TaskSettled("t1", DateTimeOffset.UnixEpoch), Pulled("hk2", "t2"));
        Assert.Equal(["t2"], UnsettledAfterRestart().Select(t => t.Pulled.TaskId));
    }

    [Fact]
    public void A_task_sent_but_not_answered_is_in_flight_and_marked_as_sent()
    {
        RunAndDie(Pulled("hk1", "t1"), new TaskDeclined("t1", DateTimeOffset.UnixEpoch));
        Assert.True(Assert.Single(UnsettledAfterRestart()).SubmissionSent);
    }

    [Fact]
    public void A_re_pulled_task_is_recorded_once()
    {
        RunAndDie(Pulled("hk1", "t1"), Pulled("hk1", "t1"));
        Assert.Single(UnsettledAfterRestart());
    }

    [Fact]
    public void A_validators_new_task_supersedes_its_older_unsettled_one()
    {
        RunAndDie(Pulled("hk1", "t1"), Pulled("hk2", "t2"), Pulled("hk1", "t3"));
        Assert.Equal(["t2", "t3"], UnsettledAfterRestart().Select(t => t.Pulled.TaskId));
    }

    [Fact]
    public void A_sent_submission_keeps_its_send_time()
    {
        var sent = DateTimeOffset.UnixEpoch.AddMinutes(3);
        RunAndDie(Pulled("hk1", "t1"), new TaskSubmitted("t1", sent));
        Assert.Equal(sent, Assert.Single(UnsettledAfterRestart()).SubmissionSentAt);
    }

    [Fact]
    public void Snapshots_delete_the_events_they_cover_and_recovery_reads_them()
    {
        using (var kit = new SqliteJournalSpec(_file.DatabasePath))
        {
            var ledger = kit.StartActor(Props.Create(() => new TaskLedger(4)), "ledger");
            foreach (var e in new ITaskLedgerEvent[] { Pulled("hk1", "t1"), Pulled("hk2", "t2"), new TaskSettled("t1", DateTimeOffset.UnixEpoch), Pulled("hk3", "t3"), Pulled("hk4", "t4") })
                kit.Await(ledger.Ask<TaskRecorded>(new RecordTask(e), TimeSpan.FromSeconds(5)));
            kit.AwaitAssert(() => Assert.Equal(0, LiveEventsUpTo(4)));
        }
        Assert.Equal(["t2", "t3", "t4"], UnsettledAfterRestart().Select(t => t.Pulled.TaskId));
    }

    /// <summary>Events 1..<paramref name="sequenceNr"/> of the ledger still in Akka.Persistence.Sql's journal table.</summary>
    private long LiveEventsUpTo(long sequenceNr)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_file.DatabasePath};Pooling=False");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM journal WHERE persistence_id = $id AND sequence_number <= $nr AND deleted = 0;";
        count.Parameters.AddWithValue("$id", TaskLedger.Id);
        count.Parameters.AddWithValue("$nr", sequenceNr);
        return (long)count.ExecuteScalar()!;
    }
}
