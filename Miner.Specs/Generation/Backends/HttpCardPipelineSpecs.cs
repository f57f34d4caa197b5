using Microsoft.AspNetCore.Http;
using Miner.Actors.Generation;
using Miner.Models.Validation;

namespace Miner.Specs.Generation.Backends;

/// <summary>
/// A card configured for HTTP services runs tasks through them and the self-scoring gate; every misbehaviour of a
/// service ends in a retry or a decline, and each task gets exactly one result.
/// </summary>
public sealed class HttpCardPipelineSpecs : HttpCardSpecBase
{
    [Fact]
    public void A_text_task_runs_through_the_three_services_and_is_self_scored()
    {
        SelfScoring();
        var card = StartCard(SeedCard());
        var result = Run(card, TextTask());
        Assert.True(result.Outcome == GenerationOutcome.Generated, $"{result.Outcome}: {result.Reason}");
        Assert.Equal(0.82, result.PredictedScore);
        Assert.Equal(0.82, result.Verdict!.Figures["predicted-score"]);
        Assert.Equal(new[] { "image", "mask", "trellis", "ply" }, result.Timings.Select(t => t.Stage));
        Assert.Equal(1, Services.CallsTo(FakeGpuServices.ValidateTextPath));
    }

    [Fact]
    public void An_image_task_is_scored_by_the_image_endpoint_of_the_validation_service()
    {
        SelfScoring();
        var card = StartCard(SeedCard());
        var result = Run(card, ImageTask());
        Assert.True(result.Outcome == GenerationOutcome.Generated, $"{result.Outcome}: {result.Reason}");
        Assert.Equal(0, Services.CallsTo(FakeGpuServices.TextToImagePath));
        Assert.Equal(1, Services.CallsTo(FakeGpuServices.ValidateImagePath));
    }

    [Fact]
    public void A_self_scored_result_is_published_for_the_score_keeper()
    {
        SelfScoring();
        var listener = CreateTestProbe();
        Sys.EventStream.Subscribe(listener.Ref, typeof(ScorePredicted));
        var card = StartCard(SeedCard());
        var task = TextTask();
        Run(card, task);
        var predicted = listener.ExpectMsg<ScorePredicted>(duration: Long);
        Assert.Equal((task.TaskId, "gpu-0", 0.82), (predicted.TaskId, predicted.Gpu, predicted.Score));
    }

    [Fact]
    public void A_monolithic_card_sends_the_prompt_to_generate_and_gates_the_answer()
    {
        var card = StartCard(new GpuCardOptions { Generate = new GenerateServiceOptions { Url = Services.Url, Timeout = TimeSpan.FromSeconds(2) } });
        var result = Run(card, TextTask());
        Assert.True(result.Outcome == GenerationOutcome.Generated, $"{result.Outcome}: {result.Reason}");
        Assert.Equal(new[] { "generate", "ply" }, result.Timings.Select(t => t.Stage));
        Assert.Equal(1, Services.CallsTo(FakeGpuServices.GeneratePath));
        Assert.Null(result.PredictedScore);
    }

    [Fact]
    public void A_generate_endpoint_that_fails_is_passed_over_for_the_next_one_of_the_card()
    {
        var dead = "http://127.0.0.1:9"; // discard port: nothing listens
        var card = StartCard(new GpuCardOptions { Generate = new GenerateServiceOptions { Urls = [dead, Services.Url], Timeout = TimeSpan.FromSeconds(2) } });
        var first = Run(card, TextTask());
        var second = Run(card, ImageTask());
        Assert.Equal((GenerationOutcome.Generated, GenerationOutcome.Generated), (first.Outcome, second.Outcome));
        Assert.Equal(2, Services.CallsTo(FakeGpuServices.GeneratePath));
    }

    public static TheoryData<string> Misbehaviours => ["500", "hang", "wrong content type", "corrupt ply", "truncated", "oversized"];

    [Theory]
    [MemberData(nameof(Misbehaviours))]
    public void An_image_to_3d_service_that_misbehaves_once_costs_a_retry_not_the_task(string misbehaviour)
    {
        Services.OnFirst(FakeGpuServices.ImageTo3DPath, 1, Misbehave(misbehaviour));
        var seed = SeedCard();
        // Only the misbehaving service is cut short (a hang costs 1 s); the others keep room for a loaded machine.
        seed.ImageTo3D!.Timeout = TimeSpan.FromSeconds(1);
        var card = StartCard(misbehaviour == "oversized" ? Capped(seed) : seed);
        var result = Run(card, ImageTask());
        Assert.True(result.Outcome == GenerationOutcome.Generated, $"{result.Outcome}: {result.Reason}");
        Assert.Equal(2, Services.CallsTo(FakeGpuServices.ImageTo3DPath));
        Assert.Contains(result.Timings, t => t.Stage == "trellis" && !t.Succeeded);
    }

    [Fact]
    public void An_image_to_3d_service_that_keeps_failing_ends_in_a_decline_not_a_lost_task()
    {
        Services.On(FakeGpuServices.ImageTo3DPath, FakeGpuServices.Status(500));
        var card = StartCard(SeedCard());
        var result = Run(card, ImageTask());
        Assert.Equal(GenerationOutcome.Declined, result.Outcome);
        Assert.Contains("status 500", result.Reason);
        Router.ExpectMsg<WorkRequest>(duration: Long); // ready for the next task, and no second result for this one
        Router.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void A_background_removal_answering_a_corrupt_png_is_retried()
    {
        Services.OnFirst(FakeGpuServices.MaskPath, 1, FakeGpuServices.Body("\x89PNG garbage"u8.ToArray(), "image/png"));
        var card = StartCard(SeedCard());
        var result = Run(card, ImageTask());
        Assert.True(result.Outcome == GenerationOutcome.Generated, $"{result.Outcome}: {result.Reason}");
        Assert.Equal(2, Services.CallsTo(FakeGpuServices.MaskPath));
    }

    [Fact]
    public void A_predicted_score_under_threshold_plus_margin_is_retried_with_another_seed_then_declined()
    {
        SelfScoring();
        Services.Score = 0.62; // above the 0.6 threshold, under threshold + margin
        var card = StartCard(SeedCard());
        var result = Run(card, TextTask());
        Assert.Equal(GenerationOutcome.Declined, result.Outcome);
        Assert.Contains("under the pass mark 0.65", result.Reason);
        Assert.Equal(2, Services.CallsTo(FakeGpuServices.ValidateTextPath));
        Assert.Equal(2, Services.CallsTo(FakeGpuServices.ImageTo3DPath));
    }

    [Fact]
    public void A_second_sample_that_scores_well_is_submitted_with_its_own_prediction()
    {
        SelfScoring();
        Services.OnFirst(FakeGpuServices.ValidateTextPath, 1, FakeGpuServices.Body("""{"score": 0.3}"""u8.ToArray(), "application/json"));
        var card = StartCard(SeedCard());
        var result = Run(card, TextTask());
        Assert.True(result.Outcome == GenerationOutcome.Generated, $"{result.Outcome}: {result.Reason}");
        Assert.Equal(0.82, result.PredictedScore);
    }

    [Fact]
    public void A_validation_service_that_is_down_lets_our_own_checks_decide_labelled_as_a_fallback()
    {
        SelfScoring(submitWhenUnavailable: true);
        Services.On(FakeGpuServices.ValidateTextPath, FakeGpuServices.Status(503));
        var card = StartCard(SeedCard());
        var result = Run(card, TextTask());
        Assert.True(result.Outcome == GenerationOutcome.Generated, $"{result.Outcome}: {result.Reason}");
        Assert.Contains(result.Verdict!.Reasons, r => r.StartsWith(SelfScoringGate.UnavailableFallbackLabel, StringComparison.Ordinal));
        Assert.Null(result.PredictedScore);
    }

    [Fact]
    public void A_validation_service_that_is_down_declines_when_submitting_unscored_is_off()
    {
        SelfScoring(submitWhenUnavailable: false, timeoutSeconds: 2); // the service hangs: a short limit
        Services.On(FakeGpuServices.ValidateTextPath, FakeGpuServices.Hang);
        var card = StartCard(SeedCard());
        var result = Run(card, TextTask());
        Assert.Equal(GenerationOutcome.Declined, result.Outcome);
        Assert.Contains("validation service unavailable", result.Reason);
    }

    [Fact]
    public void A_validation_service_answering_garbage_counts_as_unavailable()
    {
        SelfScoring(submitWhenUnavailable: false);
        Services.On(FakeGpuServices.ValidateTextPath, FakeGpuServices.Body("""{"score": "high"}"""u8.ToArray(), "application/json"));
        var card = StartCard(SeedCard());
        var result = Run(card, TextTask());
        Assert.Equal(GenerationOutcome.Declined, result.Outcome);
        Assert.Contains("Corrupt", result.Reason);
    }

    private static GpuCardOptions Capped(GpuCardOptions card)
    {
        card.ImageTo3D!.MaxResponse = new Models.Configuration.ByteSize(FakeGpuServices.PlyBytes.Length + 1024);
        return card;
    }

    private static Func<HttpContext, Task> Misbehave(string kind) => kind switch
    {
        "500" => FakeGpuServices.Status(500),
        "hang" => FakeGpuServices.Hang,
        "wrong content type" => FakeGpuServices.Body("<html>busy</html>"u8.ToArray(), "text/html"),
        "corrupt ply" => FakeGpuServices.Body("ply\nformat binary_little_endian 1.0\nelement vertex 99\nend_header\n\x01\x02"u8.ToArray(), "application/octet-stream"),
        "truncated" => async context =>
        {
            var body = FakeGpuServices.PlyBytes;
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
            await context.Response.Body.FlushAsync();
            await Task.Delay(100);
            context.Abort();
        },
        "oversized" => FakeGpuServices.Body(new byte[FakeGpuServices.PlyBytes.Length * 2], "application/octet-stream"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
