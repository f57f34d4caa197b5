namespace Miner.Models.Generation;

/// <summary>
/// A CPU backend cannot make anything sensible of the image (no opaque pixel, no plain background to remove).
/// The pipeline declines such a task (an empty submission costs nothing) rather than submit a poor result.
/// </summary>
public sealed class UnusableImageException(string message) : Exception(message);
