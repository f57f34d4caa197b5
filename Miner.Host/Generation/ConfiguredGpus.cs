using Miner.Actors.Generation;
using Miner.Host.Configuration;
using Miner.Models.Validation;

namespace Miner.Host.Generation;

/// <summary>
/// What <c>miner run</c> needs from <c>miner.generation</c>: every configured card (backends, CUDA device, worker
/// processes) and the one gate chain they share (self-validation, then self-scoring when configured).
/// </summary>
public sealed record ConfiguredGpus(IReadOnlyList<GpuCardPlan> Cards, ISplatGate Gate)
{
    /// <param name="http">Shared by every backend client and health check; give it an infinite timeout (each call has its own).</param>
    /// <param name="warn">Hears the self-scoring fallback (service unavailable, submitted on our own checks).</param>
    public static ConfiguredGpus From(MinerSettings settings, HttpClient http, Action<string>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var factory = new GpuBackendFactory(settings.Generation, settings.CpuBackends, settings.Gate, settings.Splats, http);
        return new ConfiguredGpus(factory.Cards(), factory.Gate(warn));
    }

    public IReadOnlyList<string> Names => [.. Cards.Select(c => c.Name)];

    public GpuCardPlan this[string name] => Cards.First(c => c.Name == name);
}
