using System.Runtime.InteropServices;
using Miner.Models.Files;

namespace Miner.Models.Splats;

/// <summary>
/// Writes a PLY through a temporary file and a rename (a reader never sees half a file), then reads it back
/// and compares every value bit for bit with what was meant to be written.
/// </summary>
public static class VerifiedPlyWriter
{
    /// <summary>Encodes a backend's activated values safely, writes and verifies them; returns what was repaired.</summary>
    public static RepairReport WriteActivated(string path, ActivatedSplats splats, CleanWriteOptions? options = null, int threads = 0)
    {
        options ??= new CleanWriteOptions();
        var (cloud, report) = ActivatedSplatEncoder.Encode(splats, options);
        Write(path, cloud, options.VerifyAfterWrite, threads);
        return report;
    }

    /// <summary>Throws <see cref="InvalidDataException"/> naming the first attribute that did not survive.</summary>
    public static void Write(string path, GaussianCloud cloud, bool verify = true, int threads = 0)
    {
        OutputFile.Write(path, stream => PlyWriter.Write(stream, cloud, threads: threads),
            verify ? temporary => Verify(cloud, PlyReader.ReadFile(temporary, threads: threads)) : null);
    }

    private static void Verify(GaussianCloud expected, GaussianCloud actual)
    {
        if (actual.Count != expected.Count || actual.ShDegree != expected.ShDegree)
            throw new InvalidDataException($"the written PLY holds {actual.Count} splats of SH degree {actual.ShDegree}, not {expected.Count} of degree {expected.ShDegree}");
        Compare("position", expected.Positions, actual.Positions, 3);
        Compare("f_dc", expected.ShDc, actual.ShDc, 3);
        Compare("f_rest", expected.ShRest, actual.ShRest, Math.Max(1, expected.ShRestPerSplat));
        Compare("opacity", expected.Opacities, actual.Opacities, 1);
        Compare("scale", expected.Scales, actual.Scales, 3);
        Compare("rotation", expected.Rotations, actual.Rotations, 4);
    }

    private static void Compare(string attribute, float[] expected, float[] actual, int perSplat)
    {
        var mismatch = MemoryMarshal.AsBytes(expected.AsSpan()).CommonPrefixLength(MemoryMarshal.AsBytes(actual.AsSpan()));
        if (mismatch == expected.Length * sizeof(float)) return;
        var index = mismatch / sizeof(float);
        throw new InvalidDataException(
            $"the written PLY does not read back: {attribute} of splat {index / perSplat} is {actual[index]} instead of {expected[index]}");
    }
}
