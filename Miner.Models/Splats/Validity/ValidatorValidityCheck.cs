using System.Globalization;

namespace Miner.Models.Splats;

/// <summary>
/// The validator's is_input_data_valid, condition for condition and quirk for quirk (contract section 4), run on
/// the cloud as the validator loads it. The validator stops at the first failure; this returns all of them.
/// The GPU-memory check is left out: it compares Python object sizes with free VRAM and always passes.
/// </summary>
public static class ValidatorValidityCheck
{
    /// <summary>Checks the cloud as the validator would see it after our SPZ: packed, then unpacked.</summary>
    public static ValidityVerdict CheckAsSubmitted(GaussianCloud cloud, ValidatorCheckOptions? options = null, int threads = 0)
    {
        byte[] payload;
        try
        {
            payload = SpzPacker.Pack(cloud, threads);
        }
        catch (ArgumentException unpackable)
        {
            var verdict = Check(cloud, options);
            return new ValidityVerdict([.. verdict.Failures, new ValidityFailure(ValidityCheck.NotPackable, unpackable.Message, cloud.Count, 0)]);
        }
        return Check(SpzUnpacker.Unpack(payload, threads: threads), options);
    }

    /// <summary>Checks the cloud exactly as given (e.g. one decoded from an SPZ file).</summary>
    public static ValidityVerdict Check(GaussianCloud cloud, ValidatorCheckOptions? options = null)
    {
        options ??= new ValidatorCheckOptions();
        var failures = new List<ValidityFailure>();
        var n = cloud.Count;
        if (n < options.MinGaussians)
            failures.Add(new(ValidityCheck.GaussianCount, $"{n} gaussians, fewer than the {options.MinGaussians} required", n, options.MinGaussians));

        // torch.allclose(points[i], ones((N, 1))): |p - 1| <= 1e-8 + 1e-5 * 1 on every coordinate
        for (var i = 0; i < Math.Min(3, n); i++)
        {
            var p = cloud.Position(i);
            if (CloseToOne(p.X) && CloseToOne(p.Y) && CloseToOne(p.Z))
                failures.Add(new(ValidityCheck.CentroidAtOnes, $"splat {i} sits at (1, 1, 1), which the validator's centroid check rejects", i, 1));
        }

        if (n > 0)
        {
            var transparent = 0;
            foreach (var logit in cloud.Opacities)
                if (GaussianCloud.Sigmoid(logit) < options.ZeroOpacityEpsilon) transparent++;
            var percent = 100.0 * transparent / n;
            if (percent > options.MaxZeroOpacityPercent)
                failures.Add(new(ValidityCheck.ZeroOpacity,
                    $"{Format(percent)} % of splats have alpha below {Format(options.ZeroOpacityEpsilon)} (limit {Format(options.MaxZeroOpacityPercent)} %)",
                    percent, options.MaxZeroOpacityPercent));
        }

        // torch.allclose(rotations, [1, 0, 0, 0]) over all rows (vacuously true for none, but the count check already failed)
        var allIdentity = true;
        for (var i = 0; i < n && allIdentity; i++)
        {
            var q = cloud.NormalizedRotation(i);
            allIdentity = MathF.Abs(q.W - 1f) <= 1e-8f + 1e-5f && MathF.Abs(q.X) <= 1e-8f && MathF.Abs(q.Y) <= 1e-8f && MathF.Abs(q.Z) <= 1e-8f;
        }
        if (allIdentity && n > 0)
            failures.Add(new(ValidityCheck.IdentityRotations, "every rotation is the identity quaternion", n, n));

        // torch.sum(torch.all(scales < eps)) is one flag for the whole tensor, then divided by N
        if (n > 0)
        {
            var allSmall = true;
            foreach (var logScale in cloud.Scales)
                if (!(MathF.Exp(logScale) < options.ZeroScaleEpsilon))
                {
                    allSmall = false;
                    break;
                }
            var percent = 100.0 * (allSmall ? 1 : 0) / n;
            if (percent > options.MaxZeroScalePercent)
                failures.Add(new(ValidityCheck.SmallScales,
                    $"all scales are below {Format(options.ZeroScaleEpsilon)}, counted as 1 of {n} splats = {Format(percent)} % (limit {Format(options.MaxZeroScalePercent)} %)",
                    percent, options.MaxZeroScalePercent));
        }

        if (n > 0)
        {
            var extent = PositionBounds.Of(cloud).MaxExtent;
            if (!(extent > 0) || !float.IsFinite(extent))
                failures.Add(new(ValidityCheck.DegenerateBounds, $"the largest bounding-box extent is {Format(extent)}; the renderer divides by it", extent, 0));
        }
        return new ValidityVerdict(failures);
    }

    private static bool CloseToOne(float value) => MathF.Abs(value - 1f) <= 1e-8f + 1e-5f;

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
