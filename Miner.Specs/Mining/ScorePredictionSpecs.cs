using System.Net;
using System.Text.Json.Nodes;
using Miner.Actors.Generation;
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
using Miner.Specs.Persistence;
using Miner.Specs.TestKit;

namespace Miner.Specs.Mining;

/// <summary>
/// Self-scoring predictions beside the validators' scores: the ledger's per-validator figures, the ScoreKeepers
/// picking predictions off the event stream, and journals and snapshots written before predictions existed.
/// </summary>
public sealed class ScorePredictionSpecs : MinerSpec
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ValidatorInfo Validator = new(9, "hk9", new AxonTarget(IPAddress.Parse("203.0.113.9"), 9009, "hk9"), 5000);

    private static SubmissionAnswered Answer(string taskId, double? actual, double? predicted, bool declined = false) =>
        new("hk9", 9, T0, taskId, declined, actual is { } a ? new Feedback { TaskFidelityScore = a } : null, T0.AddSeconds(300), DensityBucket.Sparse, predicted);

    private static SubmissionReported Reported(string taskId, double score) =>
        new(Validator, taskId, false, SubmitReply.Answered(new Feedback { TaskFidelityScore = score }, T0.AddSeconds(270)), DensityBucket.Sparse);

    [Fact]
    public void Predictions_beside_scores_give_the_means_and_the_mean_absolute_error()
    {
        var ledger = new ScoreLedger(new BlacklistOptions());
        ledger.Apply(Answer("a", 0.8, 0.7));
        ledger.Apply(Answer("b", 0.5, 0.9));
        ledger.Apply(Answer("c", 0.6, null)); // scored, not predicted: outside the comparison
        var prediction = ledger.Entry("hk9")!.Prediction!;
        Assert.Equal(2, prediction.Count);
        Assert.Equal(0.8, prediction.MeanPredicted, 9);
        Assert.Equal(0.65, prediction.MeanActual, 9);
        Assert.Equal(0.25, prediction.MeanAbsoluteError, 9);
        Assert.Equal(0.15, prediction.Bias, 9);
    }

    [Fact]
    public void A_declined_or_unscored_answer_adds_nothing_to_the_prediction_figures()
    {
        var ledger = new ScoreLedger(new BlacklistOptions());
        ledger.Apply(Answer("a", 0.8, 0.7, declined: true));
        ledger.Apply(Answer("b", null, 0.7));
        Assert.Null(ledger.Entry("hk9")!.Prediction);
    }

    [Fact]
    public void A_snapshot_keeps_the_prediction_figures()
    {
        var ledger = new ScoreLedger(new BlacklistOptions());
        ledger.Apply(Answer("a", 0.8, 0.7));
        var restored = new ScoreLedger(new BlacklistOptions());
        restored.Restore(ledger.ToState());
        Assert.Equal(ledger.Entry("hk9")!.Prediction, restored.Entry("hk9")!.Prediction);
    }

    [Fact]
    public void An_answer_journaled_before_predictions_existed_reads_as_unpredicted()
    {
        var serializer = new EventSerializer();
        serializer.Register<SubmissionAnswered>("scorekeeper.submission-answered.v1");
        var (manifest, payload) = serializer.Serialize(Answer("a", 0.8, 0.7));
        var old = JsonNode.Parse(payload)!.AsObject();
        Assert.True(old.Remove("predictedScore"));
        var read = (SubmissionAnswered)serializer.Deserialize(manifest, old.ToJsonString());
        Assert.Null(read.PredictedScore);
        Assert.Equal(0.8, read.Feedback!.TaskFidelityScore);
    }

    [Fact]
    public void A_snapshot_written_before_predictions_existed_restores_without_them()
    {
        var ledger = new ScoreLedger(new BlacklistOptions());
        ledger.Apply(Answer("a", 0.8, 0.7));
        var serializer = new EventSerializer();
        serializer.Register<ScoreLedgerState>("scorekeeper.state.v1");
        var (manifest, payload) = serializer.Serialize(ledger.ToState());
        var old = JsonNode.Parse(payload)!;
        foreach (var row in old["rows"]!.AsArray())
            foreach (var field in new[] { "predictedCount", "predictedSum", "predictedActualSum", "predictedAbsErrorSum" })
                Assert.True(row!.AsObject().Remove(field), field);
        var restored = new ScoreLedger(new BlacklistOptions());
        restored.Restore((ScoreLedgerState)serializer.Deserialize(manifest, old.ToJsonString()));
        Assert.Null(restored.Entry("hk9")!.Prediction);
        Assert.Equal(0.8, restored.Entry("hk9")!.LastScore);
    }

    [Fact]
    public void The_score_keeper_sets_a_published_prediction_beside_the_validators_feedback()
    {
        var keeper = StartActor(Props.Create(() => new ScoreKeeper(new MiningOptions(), new ValidatorEventSubscribers(), 500)), "scorekeeper");
        Drain();
        Sys.EventStream.Publish(new ScorePredicted("t1", "gpu-0", 0.7));
        keeper.Tell(Reported("t1", 0.8));
        keeper.Tell(Reported("t2", 0.4)); // no prediction for this one
        var entry = Await(keeper.Ask<LedgerEntryReply>(new GetLedgerEntry("hk9"), TimeSpan.FromSeconds(1))).Entry!;
        Assert.Equal(2, entry.Accepted + entry.Failed);
        Assert.Equal(new ScorePredictionAccuracy(1, 0.7, 0.8, 0.1), entry.Prediction! with { MeanAbsoluteError = Math.Round(entry.Prediction!.MeanAbsoluteError, 9) });
    }

    [Fact]
    public void The_persistent_score_keeper_journals_the_prediction_with_the_answer()
    {
        using var file = new TempSqliteFile();
        using (var first = new SqliteJournalSpec(file.DatabasePath))
        {
            var keeper = first.StartActor(Props.Create(() => new ScoreKeeper(new MiningOptions(), new ValidatorEventSubscribers(), 500)), "scorekeeper");
            first.Drain();
            first.Sys.EventStream.Publish(new ScorePredicted("t1", "gpu-0", 0.9));
            keeper.Tell(Reported("t1", 0.6));
            first.AwaitAssert(() => Assert.NotNull(first.Await(keeper.Ask<LedgerEntryReply>(new GetLedgerEntry("hk9"), TimeSpan.FromSeconds(5))).Entry?.Prediction));
        }
        using var second = new SqliteJournalSpec(file.DatabasePath);
        var recovered = second.StartActor(Props.Create(() => new ScoreKeeper(new MiningOptions(), new ValidatorEventSubscribers(), 500)), "scorekeeper");
        var prediction = second.Await(recovered.Ask<LedgerEntryReply>(new GetLedgerEntry("hk9"), TimeSpan.FromSeconds(5))).Entry!.Prediction!;
        Assert.Equal((1, 0.9, 0.6), (prediction.Count, prediction.MeanPredicted, prediction.MeanActual));
    }
}
