using System.Globalization;
using Miner.Models.Splats;

namespace Miner.Host.Commands.Splats;

/// <summary>
/// <c>miner normalize IN OUT</c>: geometry normalisation (optional TRELLIS-frame turn, centring, largest extent
/// to 1.5), then the adaptive opacity normalisation, written as OUT's extension says; prints each decision and the
/// validator's verdict on the result. Exit code 0, 2 when the validator would still reject the result, 1 on error.
/// </summary>
public sealed class NormalizeCommand(SplatOptions options)
{
    public int Run(string input, string output, TextWriter stdout, TextWriter stderr) => SplatCommandGuard.Run(stderr, () =>
    {
        SplatCommandGuard.CheckOutput(input, output);
        var cloud = SplatFile.Load(input, options.Read, options.Threads).Cloud;
        var geometry = GeometryNormalizer.Normalize(cloud, options.Normalization);
        var opacity = OpacityNormalizer.Normalize(cloud, options.Normalization);
        SplatFile.Save(output, cloud, options.Spz, options.Threads);
        var verdict = ValidatorValidityCheck.CheckAsSubmitted(cloud, options.ValidatorCheck, options.Threads);

        stdout.WriteLine($"geometry   {(geometry.Applied ? "changed" : "unchanged")}: {geometry.Reason}");
        stdout.WriteLine($"opacity    {(opacity.Applied ? "changed" : "unchanged")}: {opacity.Reason}");
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote      {output}: {cloud.Count:N0} gaussians, {new FileInfo(output).Length:N0} bytes"));
        stdout.WriteLine(verdict.IsValid ? "validator  PASS (as it would arrive after SPZ)" : "validator  FAIL (as it would arrive after SPZ)");
        foreach (var failure in verdict.Failures) stdout.WriteLine($"  - {failure.Check}: {failure.Detail}");
        return verdict.IsValid ? SplatCommandGuard.Ok : InspectCommand.Rejected;
    });
}
