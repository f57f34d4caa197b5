using Miner.Models.Protocol;

namespace Miner.Host.Devnet;

/// <summary>
/// The devnet's task stream: text tasks from the bundled prompts and image tasks of procedural objects rendered into
/// base64 PNGs, mixed by <see cref="DevnetTaskOptions.TextShare"/>. Seeded: the same seed gives the same tasks, ids
/// included. Thread-safe.
/// </summary>
public sealed class DevnetTaskSource : IDevnetTaskSource
{
    private readonly DevnetTaskOptions _options;
    private readonly IReadOnlyList<string> _prompts;
    private readonly Random _random;
    private readonly Lock _gate = new();

    public DevnetTaskSource(DevnetTaskOptions options, int seed, IReadOnlyList<string>? prompts = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _prompts = prompts ?? DevnetPrompts.All;
        if (_prompts.Count == 0) throw new ArgumentException("the devnet needs at least one text prompt", nameof(prompts));
        _random = new Random(seed);
    }

    public DevnetTask Next()
    {
        lock (_gate)
        {
            var idBytes = new byte[16];
            _random.NextBytes(idBytes);
            var id = new Guid(idBytes).ToString();
            if (_random.NextDouble() < _options.TextShare)
                return new DevnetTask(ProtocolTask.Text(id, _prompts[_random.Next(_prompts.Count)]));
            var subject = ProceduralObjectFactory.Create(_random, _options.ObjectGaussians, _options.TransparentShare);
            return new DevnetTask(ProtocolTask.Image(id, Convert.ToBase64String(subject.PromptPng(_options.ImageSize))), subject);
        }
    }
}
