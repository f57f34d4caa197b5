using Miner.Models.Imaging;
using Miner.Models.Splats;

namespace Miner.Actors.Generation;

/// <summary>What the stages share: boxing a backend's typed task and the image type check.</summary>
internal static class StageOutputs
{
    /// <summary>Synchronous continuation: the answer reaches the stage's mailbox from the thread that completed the call.</summary>
    public static Task<object?> Box<T>(Task<T>? call) where T : class =>
        call is null
            ? Task.FromException<object?>(new InvalidOperationException("the backend returned no task"))
            : call.ContinueWith(t => (object?)t.GetAwaiter().GetResult(), CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>An <see cref="RgbaImage"/> is never empty or inconsistent (its constructor checks), so the type is all.</summary>
    public static string? InspectImage(object output, string backend) =>
        output is RgbaImage ? null : $"{backend} returned {output.GetType().Name}, not an image";

    /// <summary>Gaussians, at least one, and no more than the allowed share with a NaN or infinite position.</summary>
    public static string? InspectSplats(object output, double maxNonFiniteShare)
    {
        if (output is not ActivatedSplats splats) return $"expected gaussians, got {output.GetType().Name}";
        if (splats.Count == 0) return "zero gaussians";
        var nonFinite = 0;
        for (var i = 0; i < splats.Count; i++)
            if (!float.IsFinite(splats.Positions[3 * i]) || !float.IsFinite(splats.Positions[3 * i + 1]) || !float.IsFinite(splats.Positions[3 * i + 2]))
                nonFinite++;
        var share = (double)nonFinite / splats.Count;
        return share > maxNonFiniteShare
            ? $"{nonFinite} of {splats.Count} gaussians have a NaN or infinite position (more than {maxNonFiniteShare:P0})"
            : null;
    }
}
