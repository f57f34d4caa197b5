using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Miner.Models.Generation;
using Miner.Models.Protocol;
using Miner.Models.Splats;
using Miner.Models.Validation;
using Miner.Specs.Generation.Http;
using Miner.Specs.Splats;
using Miner.Specs.TestKit;

namespace Miner.Specs.Validation;

/// <summary>The self-scoring gate against a real loopback validation service that scores, fails, hangs or talks nonsense.</summary>
public sealed class SelfScoringGateSpecs
{
    private static readonly GaussianCloud Cloud = SplatSamples.RandomCloud(2000, seed: 9);
    private static readonly GenerationPrompt Text = new(TaskKind.Text, "a red teapot");

    private sealed class FixedGate(GateDecision decision) : ISplatGate
    {
        public int Calls { get; private set; }

        public GateVerdict Evaluate(GaussianCloud cloud, CancellationToken cancellation)
        {
            Calls++;
            var reasons = decision == GateDecision.Submit ? Array.Empty<string>() : ["inner says no"];
            return new GateVerdict(decision, reasons, new Dictionary<string, double> { ["gaussians"] = cloud.Count });
        }
    }

    private static SelfScoringGate Gate(LoopbackHttpServer server, ISplatGate? inner = null, bool submitWhenUnavailable = true,
        double timeoutSeconds = 10, List<string>? warnings = null) =>
        new(inner ?? new FixedGate(GateDecision.Submit),
            new ValidationServiceClient(BackendServers.Http, BackendServers.Options(server, timeoutSeconds)),
            new SelfScoringOptions { Threshold = 0.6, Margin = 0.05, SubmitWhenUnavailable = submitWhenUnavailable },
            warn: warnings is null ? null : warnings.Add);

    private static Task Score(HttpContext context, double score) =>
        BackendServers.Reply(context, JsonSerializer.SerializeToUtf8Bytes(new { score, iqa = 0.7, alignment_score = 0.3, ssim = 0.8, lpips = 0.1 }),
            "application/json");

    [Fact]
    public async Task A_good_predicted_score_is_submitted_with_the_predicted_figures()
    {
        await using var server = await LoopbackHttpServer.StartAsync(context => Score(context, 0.72));

        var verdict = Gate(server).Evaluate(Cloud, Text, CancellationToken.None);

        Assert.Equal(GateDecision.Submit, verdict.Decision);
        Assert.Equal(0.72, verdict.Figures["predicted-score"]);
        Assert.Equal(0.7, verdict.Figures["predicted-iqa"]);
        Assert.Equal(0.3, verdict.Figures["predicted-alignment"]);
        Assert.Equal(0.8, verdict.Figures["predicted-ssim"]);
        Assert.Equal(0.1, verdict.Figures["predicted-lpips"]);
        Assert.Equal(2000, verdict.Figures["gaussians"]);
    }

    [Fact]
    public async Task A_score_under_threshold_plus_margin_is_a_retry()
    {
        await using var server = await LoopbackHttpServer.StartAsync(context => Score(context, 0.62));

        var verdict = Gate(server).Evaluate(Cloud, Text, CancellationToken.None);

        Assert.Equal(GateDecision.Retry, verdict.Decision);
        Assert.Contains(verdict.Reasons, r => r.Contains("predicted score 0.62", StringComparison.Ordinal));
        Assert.Equal(0.62, verdict.Figures["predicted-score"]);
    }

    [Fact]
    public async Task A_text_task_posts_the_prompt_and_the_base64_spz_to_the_text_endpoint()
    {
        string? path = null;
        JsonElement request = default;
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            path = context.Request.Path;
            request = JsonDocument.Parse(await BackendServers.ReadBody(context)).RootElement.Clone();
            await Score(context, 0.9);
        });

        Gate(server).Evaluate(Cloud, Text, CancellationToken.None);

        Assert.Equal("/validate_txt_to_3d_ply/", path);
        Assert.Equal("a red teapot", request.GetProperty("prompt").GetString());
        Assert.Equal(2, request.GetProperty("compression").GetInt32());
        var spz = SpzReader.Read(request.GetProperty("data").GetBytesFromBase64());
        Assert.Equal(Cloud.Count, spz.Cloud.Count);
    }

    [Fact]
    public async Task An_image_task_posts_the_prompt_image_to_the_image_endpoint()
    {
        string? path = null;
        string? promptImage = null;
        await using var server = await LoopbackHttpServer.StartAsync(async context =>
        {
            path = context.Request.Path;
            promptImage = JsonDocument.Parse(await BackendServers.ReadBody(context)).RootElement.GetProperty("prompt_image").GetString();
            await Score(context, 0.9);
        });

        Gate(server).Evaluate(Cloud, new GenerationPrompt(TaskKind.Image, "aGVsbG8="), CancellationToken.None);

        Assert.Equal("/validate_img_to_3d_ply/", path);
        Assert.Equal("aGVsbG8=", promptImage);
    }

    [Fact]
    public async Task A_decline_from_our_own_checks_never_reaches_the_service()
    {
        var calls = 0;
        await using var server = await LoopbackHttpServer.StartAsync(context =>
        {
            Interlocked.Increment(ref calls);
            return Score(context, 0.9);
        });

        var verdict = Gate(server, new FixedGate(GateDecision.Decline)).Evaluate(Cloud, Text, CancellationToken.None);

        Assert.Equal(GateDecision.Decline, verdict.Decision);
        Assert.Equal(["inner says no"], verdict.Reasons);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task A_service_500_submits_on_our_checks_alone_labelled_as_the_fallback()
    {
        await using var server = await LoopbackHttpServer.StartAsync(context => BackendServers.Status(context, 500));
        var warnings = new List<string>();

        var verdict = Gate(server, warnings: warnings).Evaluate(Cloud, Text, CancellationToken.None);

        Assert.Equal(GateDecision.Submit, verdict.Decision);
        Assert.Contains(verdict.Reasons, r => r.StartsWith(SelfScoringGate.UnavailableFallbackLabel, StringComparison.Ordinal));
        Assert.False(verdict.Figures.ContainsKey("predicted-score"));
        Assert.Contains(warnings, w => w.Contains("FALLBACK", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_service_500_is_a_retry_when_the_fallback_is_off()
    {
        await using var server = await LoopbackHttpServer.StartAsync(context => BackendServers.Status(context, 500));

        var verdict = Gate(server, submitWhenUnavailable: false).Evaluate(Cloud, Text, CancellationToken.None);

        Assert.Equal(GateDecision.Retry, verdict.Decision);
        Assert.Contains(verdict.Reasons, r => r.Contains("validation service unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_hanging_service_times_out_into_the_fallback()
    {
        await using var server = await LoopbackHttpServer.StartAsync(BackendServers.Hang);

        var verdict = Gate(server, timeoutSeconds: 0.5).Evaluate(Cloud, Text, CancellationToken.None);

        Assert.Equal(GateDecision.Submit, verdict.Decision);
        Assert.Contains(verdict.Reasons, r => r.Contains(nameof(HttpBackendFailure.Timeout), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"iqa\": 0.5}")]
    [InlineData("{\"score\": \"high\"}")]
    [InlineData("{\"score\": 7.5}")]
    [InlineData("{\"score\": 0.9, \"ssim\": \"x\"}")]
    [InlineData("{\"score\": 0.9")]
    public async Task A_garbage_answer_is_a_corrupt_failure_that_falls_back(string body)
    {
        await using var server = await LoopbackHttpServer.StartAsync(context =>
            BackendServers.Reply(context, System.Text.Encoding.UTF8.GetBytes(body), "application/json"));

        var error = await Assert.ThrowsAsync<HttpBackendException>(() =>
            new ValidationServiceClient(BackendServers.Http, BackendServers.Options(server)).ScoreAsync(Text, [1, 2, 3], CancellationToken.None));
        var verdict = Gate(server, submitWhenUnavailable: false).Evaluate(Cloud, Text, CancellationToken.None);

        Assert.Equal(HttpBackendFailure.Corrupt, error.Failure);
        Assert.Equal(GateDecision.Retry, verdict.Decision);
    }

    [Fact]
    public async Task A_wrong_content_type_is_refused()
    {
        await using var server = await LoopbackHttpServer.StartAsync(context => BackendServers.Reply(context, "{\"score\":1}"u8.ToArray(), "text/html"));

        var error = await Assert.ThrowsAsync<HttpBackendException>(() =>
            new ValidationServiceClient(BackendServers.Http, BackendServers.Options(server)).ScoreAsync(Text, [1], CancellationToken.None));

        Assert.Equal(HttpBackendFailure.ContentType, error.Failure);
    }

    [Fact]
    public async Task An_oversized_answer_is_refused()
    {
        var big = System.Text.Encoding.UTF8.GetBytes("{\"score\": 0.9, \"pad\": \"" + new string('x', 10_000) + "\"}");
        await using var server = await LoopbackHttpServer.StartAsync(context => BackendServers.Chunked(context, big, "application/json"));

        var error = await Assert.ThrowsAsync<HttpBackendException>(() =>
            new ValidationServiceClient(BackendServers.Http, BackendServers.Options(server, maxBytes: 4096)).ScoreAsync(Text, [1], CancellationToken.None));

        Assert.Equal(HttpBackendFailure.TooLarge, error.Failure);
    }

    [Fact]
    public async Task Without_a_prompt_our_own_checks_decide_and_the_verdict_says_it_was_not_scored()
    {
        var calls = 0;
        await using var server = await LoopbackHttpServer.StartAsync(context =>
        {
            Interlocked.Increment(ref calls);
            return Score(context, 0.1);
        });

        var verdict = Gate(server).Evaluate(Cloud, CancellationToken.None);

        Assert.Equal(GateDecision.Submit, verdict.Decision);
        Assert.Contains("not self-scored: no prompt given", verdict.Reasons);
        Assert.Equal(0, calls);
    }
}
