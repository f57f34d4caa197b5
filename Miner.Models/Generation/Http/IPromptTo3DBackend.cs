using Miner.Models.Splats;

namespace Miner.Models.Generation;

/// <summary>
/// A whole GPU pipeline behind one call (the subnet's monolithic generation endpoint): a text prompt, or the
/// base64 PNG of an image task, to gaussians in the activated domain for our PLY-write stage to normalise and check.
/// </summary>
public interface IPromptTo3DBackend
{
    string Name { get; }

    Task<ActivatedSplats> GenerateAsync(string prompt, CancellationToken cancellation);
}
