namespace Miner.Models.Protocol;

/// <summary>
/// A validator's task (the subnet's <c>TextTask | ImageTask</c>). For an image task <see cref="Prompt"/> is the
/// whole base64-encoded image, and that exact string goes into the licence signature.
/// </summary>
public sealed record ProtocolTask(TaskKind Kind, string Id, string Prompt)
{
    public static ProtocolTask Text(string id, string prompt) => new(TaskKind.Text, id, prompt);

    public static ProtocolTask Image(string id, string base64Image) => new(TaskKind.Image, id, base64Image);

    /// <summary>Keeps a multi-megabyte image prompt out of logs.</summary>
    public override string ToString() =>
        Kind == TaskKind.Text ? $"text task {Id} \"{Prompt}\"" : $"image task {Id} ({Prompt.Length} base64 chars)";
}
