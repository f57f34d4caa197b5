using System.Runtime.Serialization;
using System.Text;
using Microsoft.Data.Sqlite;
using Miner.Actors.Akka.Serialization;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Ledger;
using Miner.Actors.Mining.Scoring;
using Miner.Actors.Storage;
using Miner.Models.Protocol;
using Miner.Models.Splats;
using Miner.Specs.Persistence;

namespace Miner.Specs.Akka;

/// <summary>
/// <see cref="MinerJsonSerializer"/> in an Akka.NET system configured with <see cref="MinerJsonSerializer.Configuration"/>:
/// the ScoreKeeper's and the task ledger's events and snapshots are bound to it, and it stores what the project's own
/// journal stores (same manifests, same JSON bytes), so existing journals migrate by copying payloads.
/// </summary>
public sealed class MinerJsonSerializerSpecs() : global::Akka.TestKit.Xunit2.TestKit(MinerJsonSerializer.Hocon, "miner-json")
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly Feedback SomeFeedback = new()
    {
        TaskFidelityScore = 0.82, AverageFidelityScore = 0.77, GenerationsWithinTheWindow = 14, CurrentDuelRating = 1512.5,
        CurrentMinerReward = 0.003,
    };

    private static readonly TaskPulled Pulled = new("5Fhk-val", 7, "task-41", TaskKind.Text, "a red teapot", T0);

    /// <summary>One instance of every event and snapshot type, with the manifest the old journal stored it under.</summary>
    public static TheoryData<string, object> Samples() => new()
    {
        { "scorekeeper.pull-recorded.v1", new PullRecorded("5Fhk-val", 7, T0) },
        { "scorekeeper.pull-failed.v1", new PullFailed("5Fhk-val", 7, T0, "timeout") },
        { "scorekeeper.cooldown-observed.v1", new CooldownObserved("5Fhk-val", 7, T0, T0.AddMinutes(5), 2) },
        { "scorekeeper.submission-answered.v1", new SubmissionAnswered("5Fhk-val", 7, T0, "task-41", false, SomeFeedback, T0.AddMinutes(3), DensityBucket.Medium, 0.8) },
        { "scorekeeper.submission-abandoned.v1", new SubmissionAbandoned("5Fhk-val", 7, T0, "task-41", "no answer after 3 tries", true) },
        { "scorekeeper.validator-blacklisted.v1", new ValidatorBlacklisted("5Fhk-val", 7, T0, T0.AddHours(6), "3 transport failures", false) },
        { "scorekeeper.validator-restored.v1", new ValidatorRestored("5Fhk-val", T0.AddHours(6), "expired") },
        { "scorekeeper.state.v1", ScoreLedgerSnapshot() },
        { "task-ledger.task-pulled.v1", Pulled },
        { "task-ledger.task-submitted.v1", new TaskSubmitted("task-41", T0.AddSeconds(30)) },
        { "task-ledger.task-declined.v1", new TaskDeclined("task-42", T0.AddSeconds(31)) },
        { "task-ledger.task-settled.v1", new TaskSettled("task-41", T0.AddSeconds(45)) },
        { "task-ledger.state.v1", new TaskLedgerState([new UnsettledTask(Pulled, T0.AddSeconds(30)), new UnsettledTask(Pulled with { TaskId = "task-43" }, null)]) },
    };

    private static ScoreLedgerState ScoreLedgerSnapshot()
    {
        var ledger = new ScoreLedger(new BlacklistOptions());
        ledger.Apply(new PullRecorded("5Fhk-val", 7, T0));
        ledger.Apply(new SubmissionAnswered("5Fhk-val", 7, T0.AddMinutes(1), "task-41", false, SomeFeedback, T0.AddMinutes(3), DensityBucket.Dense, 0.8));
        ledger.Apply(new ValidatorBlacklisted("5Gother", 9, T0.AddMinutes(2), null, "by hand", true));
        return ledger.ToState();
    }

    private MinerJsonSerializer Serializer => (MinerJsonSerializer)Sys.Serialization.FindSerializerForType(typeof(PullRecorded));

    [Fact]
    public void The_samples_cover_every_manifest_in_the_score_keeper_and_task_ledger_tables()
    {
        var sampled = Samples().Select(row => (string)row[0]).Order().ToList();
        Assert.Equal(MinerJsonSerializer.ManifestTables.Select(b => b.Manifest).Order().ToList(), sampled);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_event_and_snapshot_type_is_bound_to_miner_json_with_identifier_4040(string manifest, object sample)
    {
        var serializer = Sys.Serialization.FindSerializerFor(sample);
        Assert.IsType<MinerJsonSerializer>(serializer);
        Assert.Equal(4040, serializer.Identifier);
        Assert.NotNull(manifest);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_event_and_snapshot_is_stored_under_the_manifest_the_old_journal_used(string manifest, object sample)
    {
        Assert.Equal(manifest, global::Akka.Serialization.Serialization.ManifestFor(Sys.Serialization.FindSerializerFor(sample), sample));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_event_and_snapshot_round_trips_equal(string manifest, object sample)
    {
        var bytes = Sys.Serialization.FindSerializerFor(sample).ToBinary(sample);
        var back = Sys.Serialization.Deserialize(bytes, MinerJsonSerializer.Id, manifest);
        Assert.IsType(sample.GetType(), back);
        Assert.Equivalent(sample, back, strict: true);
        if (sample is not (ScoreLedgerState or TaskLedgerState)) Assert.Equal(sample, back); // records without collections compare by value
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_stored_bytes_name_no_CLR_type(string manifest, object sample)
    {
        var text = Encoding.UTF8.GetString(Serializer.ToBinary(sample));
        Assert.DoesNotContain("Miner.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("$type", text, StringComparison.Ordinal);
        Assert.DoesNotContain(sample.GetType().Name, text, StringComparison.Ordinal);
        Assert.NotNull(manifest);
    }

    [Fact]
    public void An_unknown_manifest_is_refused_with_a_one_line_message_naming_it()
    {
        var error = Assert.Throws<SerializationException>(() => Sys.Serialization.Deserialize("{}"u8.ToArray(), MinerJsonSerializer.Id, "scorekeeper.renamed-away.v1"));
        Assert.Contains("'scorekeeper.renamed-away.v1'", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_bound_type_missing_from_the_tables_is_refused_with_a_message_naming_it()
    {
        var unlisted = new UnlistedEvent("x");
        Assert.IsType<MinerJsonSerializer>(Sys.Serialization.FindSerializerFor(unlisted));
        var error = Assert.Throws<SerializationException>(() => Serializer.ToBinary(unlisted));
        Assert.Contains(nameof(UnlistedEvent), error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_payload_that_is_not_json_for_its_manifest_is_refused_naming_the_manifest()
    {
        var error = Assert.Throws<SerializationException>(() => Serializer.FromBinary("{\n \"taskId\": }"u8.ToArray(), "task-ledger.task-settled.v1"));
        Assert.Contains("'task-ledger.task-settled.v1'", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    private sealed record UnlistedEvent(string Name) : IMinerPersistentMessage;
}
