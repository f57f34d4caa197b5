using Miner.Models.Imaging;

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
}
