using System.Globalization;
using Miner.Models.Generation;
using Miner.Models.Splats;

namespace Miner.Models.Validation;

/// <summary>
/// Our own checks first (<paramref name="inner"/>), then, only for a cloud they would submit, the subnet's validation
/// service: a predicted score under threshold + margin is a retry. The service's figures join the verdict
/// (<c>predicted-score</c>, <c>predicted-iqa</c>, <c>predicted-alignment</c>, <c>predicted-ssim</c>, <c>predicted-lpips</c>)
/// so the score keeper can set them beside the validator's feedback. The HTTP call blocks: the PLY-write stage runs
/// the gate on its CPU scheduler, off any actor's handler.
/// </summary>
public sealed class SelfScoringGate(ISplatGate inner, ValidationServiceClient service, SelfScoringOptions options,
    SpzWriteOptions? spz = null, Action<string>? warn = null) : IPromptAwareSplatGate
{
    public const string UnavailableFallbackLabel = "FALLBACK: validation service unavailable, submitted on our own checks alone";

    private readonly SpzWriteOptions _spz = spz ?? new SpzWriteOptions();

    /// <summary>Without the prompt there is nothing to score against: our own checks decide, and the verdict says so.</summary>
    public GateVerdict Evaluate(GaussianCloud cloud, CancellationToken cancellation)
    {
        var verdict = inner.Evaluate(cloud, cancellation);
        return verdict.Decision == GateDecision.Submit
            ? verdict with { Reasons = [.. verdict.Reasons, "not self-scored: no prompt given"] }
            : verdict;
    }

    public GateVerdict Evaluate(GaussianCloud cloud, GenerationPrompt prompt, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        options.Validate();
        var verdict = inner.Evaluate(cloud, cancellation);
        if (verdict.Decision != GateDecision.Submit) return verdict;

        var figures = new Dictionary<string, double>(verdict.Figures);
        ValidationServiceScore predicted;
        try
        {
            var bytes = SpzWriter.Write(cloud, _spz);
            predicted = service.ScoreAsync(prompt, bytes, cancellation).GetAwaiter().GetResult();
        }
        catch (HttpBackendException error)
        {
            var decision = options.SubmitWhenUnavailable ? GateDecision.Submit : GateDecision.Retry;
            var reason = options.SubmitWhenUnavailable
                ? $"{UnavailableFallbackLabel} ({error.Failure}: {error.Problem})"
                : $"validation service unavailable, retrying ({error.Failure}: {error.Problem})";
            warn?.Invoke($"self-scoring: {reason}");
            return new GateVerdict(decision, [.. verdict.Reasons, reason], figures);
        }

        figures["predicted-score"] = predicted.Score;
        figures["predicted-iqa"] = predicted.Iqa;
        figures["predicted-alignment"] = predicted.Alignment;
        figures["predicted-ssim"] = predicted.Ssim;
        figures["predicted-lpips"] = predicted.Lpips;
        if (predicted.Score >= options.PassMark) return new GateVerdict(GateDecision.Submit, verdict.Reasons, figures);
        var why = string.Create(CultureInfo.InvariantCulture,
            $"predicted score {predicted.Score:0.###} is under the pass mark {options.PassMark:0.###} (threshold {options.Threshold:0.###} + margin {options.Margin:0.###})");
        return new GateVerdict(GateDecision.Retry, [.. verdict.Reasons, why], figures);
    }
}
