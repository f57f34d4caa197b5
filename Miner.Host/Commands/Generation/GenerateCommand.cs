using System.Diagnostics;
using Miner.Actors.Generation;
using Miner.Models.Files;
using Miner.Models.Generation;
using Miner.Models.Imaging;
using Miner.Models.Splats;
using Miner.Models.Validation;

namespace Miner.Host.Commands.Generation;

/// <summary>
/// `miner generate`: one task through the pipeline the stage actors run (background removal, image-to-3D, then the
/// PLY stage: clean write, normalisation, self-validation gate), printing stage timings, the gaussian count and the
/// gate's verdict, and writing PLY + SPZ + grid PNG. Backends are the CPU fallbacks; there is no CPU text-to-image,
/// so a prompt is declined unless a generate endpoint (<c>--generate-url</c>) does the whole prompt-to-3D step.
/// </summary>
public sealed class GenerateCommand(CpuBackendOptions cpu, SelfValidationOptions gateOptions, SplatOptions splats)
{
    /// <summary>Exit code of a task that is declined (a miner would submit an empty result).</summary>
    public const int Declined = 2;

    public async Task<int> RunImageAsync(string imagePath, string outPath, TextWriter stdout, TextWriter stderr, CancellationToken cancellation = default)
    {
        if (CheckOutput(outPath, stderr, imagePath) is { } refused) return refused;
        RgbaImage image;
        var clock = Stopwatch.StartNew();
        try
        {
            image = ImageCodec.Decode(InputFile.ReadAllBytes(imagePath, ImageCodec.MaxFileBytes, "image file"));
        }
        catch (FileRefusedException error)
        {
            stderr.WriteLine(error.Message); // names the path already
            return 1;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException or NotSupportedException or InvalidDataException)
        {
            stderr.WriteLine($"{imagePath}: {error.Message}");
            return 1;
        }
        var timings = new List<(string Stage, TimeSpan Elapsed)> { ("decode", clock.Elapsed) };
        var remover = new BorderMattingBackgroundRemover(cpu);
        var inflation = new SilhouetteInflationImageTo3D(cpu);
        stdout.WriteLine($"backends: background removal {remover.Name}, image-to-3D {inflation.Name}");
        ActivatedSplats splatsOut;
        try
        {
            clock.Restart();
            var matted = await remover.RemoveBackgroundAsync(image, cancellation).ConfigureAwait(false);
            timings.Add((StageNames.Mask, clock.Elapsed));
            clock.Restart();
            splatsOut = await inflation.GenerateAsync(matted, 0, cancellation).ConfigureAwait(false);
            timings.Add((StageNames.Trellis, clock.Elapsed));
        }
        catch (UnusableImageException error)
        {
            stdout.WriteLine($"declined: {error.Message} (a miner would submit an empty result, which costs no penalty)");
            return Declined;
        }
        return Finish(splatsOut, timings, outPath, stdout);
    }

    /// <summary>A text prompt: through <paramref name="generateUrl"/> when given, else declined (no CPU text-to-image).</summary>
    public async Task<int> RunPromptAsync(string prompt, Uri? generateUrl, string outPath, TextWriter stdout, TextWriter stderr, CancellationToken cancellation = default)
    {
        if (CheckOutput(outPath, stderr) is { } refused) return refused;
        if (generateUrl is null)
        {
            stdout.WriteLine("declined: no text-to-image backend is configured and the CPU fallbacks have none, so a text task "
                + "gets an empty submission (no penalty). Use --generate-url URL for a generate endpoint, or --image FILE.png.");
            return Declined;
        }
        using var http = new HttpClient();
        var backend = new GenerateEndpointBackend(http, new HttpBackendOptions { BaseAddress = generateUrl, Label = "generate" });
        var clock = Stopwatch.StartNew();
        ActivatedSplats splatsOut;
        try
        {
            splatsOut = await backend.GenerateAsync(prompt, cancellation).ConfigureAwait(false);
        }
        catch (Exception error) when (error is HttpBackendException or HttpRequestException or TaskCanceledException or FormatException or InvalidDataException)
        {
            stderr.WriteLine($"{generateUrl}: {error.Message}");
            return 1;
        }
        stdout.WriteLine($"backend: {backend.Name}");
        return Finish(splatsOut, [("generate", clock.Elapsed)], outPath, stdout);
    }

    /// <summary>Exit code 1 with one line when the result paths cannot be written (checked before any work).</summary>
    private static int? CheckOutput(string outPath, TextWriter stderr, params string[] inputs)
    {
        try
        {
            ResultFiles.Check(outPath, inputs);
            return null;
        }
        catch (IOException error)
        {
            stderr.WriteLine($"--out: {error.Message}");
            return 1;
        }
    }

    private int Finish(ActivatedSplats activated, List<(string Stage, TimeSpan Elapsed)> timings, string outPath, TextWriter stdout)
    {
        var clock = Stopwatch.StartNew();
        var written = PlyWriteStage.Write(activated, new SelfValidationGate(gateOptions, splats.ValidatorCheck), splats, CancellationToken.None);
        timings.Add((StageNames.PlyWrite, clock.Elapsed));
        foreach (var (stage, elapsed) in timings) stdout.WriteLine($"  {stage,-10} {elapsed.TotalSeconds,8:F3} s");
        stdout.WriteLine($"gaussians: {activated.Count:N0} generated, {written.Cloud.Count:N0} after cleaning");
        stdout.WriteLine($"self-validation: {written.Verdict}");
        if (written.Cloud.Count == 0)
        {
            stdout.WriteLine("declined: nothing left to submit");
            return Declined;
        }
        var paths = ResultFiles.Write(outPath, written.Cloud);
        stdout.WriteLine($"wrote {paths.Ply}, {paths.Spz}, {paths.Grid}");
        return written.Verdict.Decision == GateDecision.Submit ? 0 : Declined;
    }
}
