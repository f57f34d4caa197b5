using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Generation;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Models.Validation;
using Miner.Specs.Generation.Fakes;

namespace Miner.Specs.Generation;

/// <summary>The stages a task goes through, what a card declines, and what the result carries.</summary>
public sealed class GenerationPipelineSpec : GenerationSpecBase
{
    [Fact]
    public void A_text_task_goes_through_image_mask_trellis_and_ply_and_is_generated()
    {
        var card = StartCard();
        var task = TextTask();
        Give(card, task);
        var result = ExpectResult(task.TaskId);
        Assert.Equal(GenerationOutcome.Generated, result.Outcome);
        Assert.Equal("image#1 mask#1 trellis#1 ply#1", Stages(result));
        Assert.Equal(new[] { 42 }, Text.Seeds);
        Assert.Equal(200, result.Cloud!.Count);
        Assert.Equal(GateDecision.Submit, result.Verdict!.Decision);
    }

    [Fact]
    public void The_ply_stage_hands_the_task_prompt_to_a_prompt_aware_gate()
    {
        var card = StartCard();
        var text = TextTask();
        Give(card, text);
        ExpectResult(text.TaskId);
        var image = ImageTask(PngPrompt(24, 20));
        Give(card, image);
        Router.FishForMessage<GenerationResult>(r => r.TaskId == image.TaskId);

        Assert.Equal([new GenerationPrompt(text.Kind, text.Prompt), new GenerationPrompt(image.Kind, image.Prompt)], Gate.Prompts);
    }

    [Fact]
    public void An_image_task_skips_the_image_stage_and_masks_the_decoded_prompt()
    {
        var card = StartCard();
        var task = ImageTask(PngPrompt(24, 20));
        Give(card, task);
        var result = ExpectResult(task.TaskId);
        Assert.Equal(GenerationOutcome.Generated, result.Outcome);
        Assert.Equal("decode#1 mask#1 trellis#1 ply#1", Stages(result));
        Assert.Equal(0, Text.Script.Calls);
        Assert.Equal(new[] { (24, 20) }, Mask.Inputs);
    }

    [Fact]
    public void A_text_task_on_a_card_without_a_text_backend_is_declined_at_once()
    {
        var card = StartCard(withTextBackend: false);
        var task = TextTask();
        Give(card, task);
        var result = ExpectResult(task.TaskId);
        Assert.Equal(GenerationOutcome.Declined, result.Outcome);
        Assert.Contains("no text-to-image backend", result.Reason);
        Assert.Empty(result.Timings);
        Assert.Equal(0, Mask.Script.Calls);
        Assert.Equal(new GpuStatus("gpu-0", true, null, null, 0, 0, 0, 1, 0), StatusOf(card));
    }

    [Fact]
    public void The_ready_line_names_each_backend_and_labels_a_fallback()
    {
        var backends = new GpuBackends(null, Mask, new FallbackImageTo3D());
        Assert.Equal("text-to-image none, background removal fake background removal, image-to-3D silhouette inflation (fallback)", backends.ToString());
    }

    private sealed class FallbackImageTo3D : Miner.Models.Generation.IImageTo3DBackend
    {
        public string Name => "silhouette inflation";
        public bool IsFallback => true;
        public Task<Miner.Models.Splats.ActivatedSplats> GenerateAsync(Miner.Models.Imaging.RgbaImage rgba, int seed, CancellationToken cancellation) =>
            Task.FromResult(FakeImageTo3D.Cloud(10, seed));
    }

    [Fact]
    public void A_card_without_a_text_backend_has_no_image_stage()
    {
        var card = StartCard(withTextBackend: false);
        var report = Await(IntrospectionClient.SnapshotAsync(card, TimeSpan.FromSeconds(1)));
        var children = report.Children.Select(c => c.Path).Concat(report.Unresponsive.Select(u => u.Path)).Select(path => path[(report.Path.Length + 1)..]);
        Assert.Equal(new[] { "mask", "ply", "trellis" }, children.Order());
    }

    [Theory]
    [InlineData("not base64 at all!", "not valid base64")]
    [InlineData("", "empty")]
    [InlineData("/9j/4AAQSkZJRgABAQ==", "JPEG")]
    [InlineData("iVBORw0KGgoAAAANSUhEUgAA", "")]
    public void A_bad_image_prompt_is_declined_with_the_reason_and_the_card_carries_on(string prompt, string reason)
    {
        var card = StartCard();
        var bad = ImageTask(prompt);
        Give(card, bad);
        var result = ExpectResult(bad.TaskId);
        Assert.Equal(GenerationOutcome.Declined, result.Outcome);
        Assert.StartsWith("the image prompt is unusable: ", result.Reason);
        Assert.Contains(reason, result.Reason, StringComparison.OrdinalIgnoreCase);
        var good = ImageTask();
        Give(card, good);
        Assert.Equal(GenerationOutcome.Generated, Router.FishForMessage<GenerationResult>(r => r.TaskId == good.TaskId).Outcome);
    }

    [Fact]
    public void Every_truncation_of_a_png_prompt_is_declined_never_crashing_the_card()
    {
        var card = StartCard();
        var png = Convert.FromBase64String(PngPrompt(8, 8));
        var failures = CollectEvents<Error>(() =>
        {
            for (var length = 0; length < png.Length; length += 3)
            {
                var task = ImageTask(Convert.ToBase64String(png.AsSpan(0, length)));
                Give(card, task);
                Assert.Equal(GenerationOutcome.Declined, Router.FishForMessage<GenerationResult>(r => r.TaskId == task.TaskId).Outcome);
            }
        });
        Assert.Empty(failures);
        Assert.Equal(0, Await(IntrospectionClient.SnapshotAsync(card, TimeSpan.FromSeconds(1))).Restarts);
        Assert.Equal(0, Mask.Script.Calls);
    }

    [Fact]
    public void The_gate_saying_retry_regenerates_an_image_task_with_a_new_seed_without_masking_again()
    {
        Gate.Then(GateDecision.Retry);
        var card = StartCard();
        var task = ImageTask(seed: 7);
        Give(card, task);
        var result = ExpectResult(task.TaskId);
        Assert.Equal(GenerationOutcome.Generated, result.Outcome);
        Assert.Equal("decode#1 mask#1 trellis#1 ply#1 trellis#2 ply#2", Stages(result));
        Assert.Equal(2, Trellis.Seeds.Distinct().Count());
        Assert.Equal(7, Trellis.Seeds[0]);
        Assert.Equal(1, Mask.Script.Calls);
    }

    [Fact]
    public void The_gate_saying_retry_regenerates_a_text_task_from_a_new_image()
    {
        Gate.Then(GateDecision.Retry);
        var card = StartCard();
        var task = TextTask(seed: 42);
        Give(card, task);
        var result = ExpectResult(task.TaskId);
        Assert.Equal("image#1 mask#1 trellis#1 ply#1 image#2 mask#2 trellis#2 ply#2", Stages(result));
        Assert.Equal(2, Text.Seeds.Distinct().Count());
        Assert.Equal(Text.Seeds, Trellis.Seeds);
    }

    [Fact]
    public void The_gate_saying_retry_once_the_budget_is_spent_declines_with_the_verdict()
    {
        Gate.Then(GateDecision.Retry, GateDecision.Retry);
        var card = StartCard();
        var task = ImageTask();
        Give(card, task);
        var result = ExpectResult(task.TaskId);
        Assert.Equal(GenerationOutcome.Declined, result.Outcome);
        Assert.Contains("retry budget (1) is spent", result.Reason);
        Assert.Equal(GateDecision.Retry, result.Verdict!.Decision);
        Assert.Null(result.Cloud);
    }

    [Fact]
    public void The_gate_saying_retry_too_close_to_the_deadline_declines()
    {
        Gate.Then(GateDecision.Retry);
        var card = StartCard();
        var task = ImageTask(timeLeft: TimeSpan.FromSeconds(10));
        Give(card, task);
        var result = ExpectResult(task.TaskId);
        Assert.Equal(GenerationOutcome.Declined, result.Outcome);
        Assert.Contains("left before the deadline", result.Reason);
        Assert.Equal(1, Trellis.Script.Calls);
    }

    [Fact]
    public void The_gate_saying_decline_declines_without_regenerating()
    {
        Gate.Then(GateDecision.Decline);
        var card = StartCard();
        var task = ImageTask();
        Give(card, task);
        var result = ExpectResult(task.TaskId);
        Assert.Equal(GenerationOutcome.Declined, result.Outcome);
        Assert.Equal(GateDecision.Decline, result.Verdict!.Decision);
        Assert.Equal(1, Trellis.Script.Calls);
    }

    [Fact]
    public void Decoding_and_the_ply_stage_run_off_the_handler_on_the_thread_pool()
    {
        var backends = new GpuBackends(Text, Mask, Trellis);
        var card = Sys.ActorOf(GenerationActor.Props("gpu-7", Router.Ref, backends, Gate, Options), "gpu-7");
        Router.ExpectMsg<WorkRequest>();
        var task = ImageTask();
        Give(card, task);
        Assert.Equal(GenerationOutcome.Generated, ExpectResult(task.TaskId).Outcome);
        Assert.NotEqual(Environment.CurrentManagedThreadId, Assert.Single(Gate.Threads));
    }

    [Fact]
    public void Stage_timings_measure_each_stage_in_virtual_time()
    {
        Mask.Script.Default = FakeCall.Slow(TimeSpan.FromSeconds(2));
        Trellis.Script.Default = FakeCall.Slow(TimeSpan.FromSeconds(12));
        var card = StartCard();
        var task = ImageTask();
        Give(card, task);
        Advance(TimeSpan.FromSeconds(14));
        var result = ExpectResult(task.TaskId);
        Assert.Equal(new[] { 0.0, 2.0, 12.0, 0.0 }, result.Timings.Select(t => t.Elapsed.TotalSeconds));
    }

    [Fact]
    public void Each_outcome_is_one_structured_log_line_with_the_task_id()
    {
        var card = StartCard();
        var task = ImageTask();
        var lines = CollectEvents<LogEvent>(() =>
        {
            Give(card, task);
            ExpectResult(task.TaskId);
        }, e => e.Properties().ContainsKey("Outcome"));
        var line = Assert.Single(lines).Properties();
        Assert.Equal(task.TaskId, line["TaskId"]);
        Assert.Equal(GenerationOutcome.Generated, line["Outcome"]);
    }

    [Fact]
    public void The_status_names_the_running_task_its_stage_and_the_queue_while_a_backend_call_runs()
    {
        Trellis.Script.Default = FakeCall.Hang;
        var card = StartCard();
        var running = ImageTask();
        Give(card, running);
        Give(card, ImageTask());
        var status = StatusOf(card);
        Assert.Equal(new GpuStatus("gpu-0", true, running.TaskId, "trellis", 1, 1, 0, 0, 0), status);
    }

    [Fact]
    public void The_snapshot_describes_the_card_in_one_line()
    {
        Trellis.Script.Default = FakeCall.Hang;
        var card = StartCard();
        var running = ImageTask();
        Give(card, running);
        var state = Await(IntrospectionClient.SnapshotAsync(card, TimeSpan.FromSeconds(1))).State;
        Assert.Equal($"healthy, {running.TaskId} in trellis (attempt 1), 0 queued, 0 generated, 0 declined", state);
    }

    [Fact]
    public void Stopping_the_card_declines_the_running_and_the_queued_task()
    {
        Trellis.Script.Default = FakeCall.Hang;
        var card = StartCard();
        var running = ImageTask();
        var queued = ImageTask();
        Give(card, running);
        Give(card, queued);
        Sys.Stop(card);
        var results = new[] { ExpectResult(running.TaskId), ExpectResult(queued.TaskId) };
        Assert.All(results, r => Assert.Equal(GenerationOutcome.Declined, r.Outcome));
        Assert.Contains("stopped", results[0].Reason);
        Assert.True(Trellis.Script.Tokens[0].IsCancellationRequested);
    }
}
