using Miner.Actors.Generation;
using System.Globalization;
using Miner.Host.Configuration;
using Miner.Models.Generation;
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

    /// <summary>
    /// Each configured card's device set against what <see cref="NvidiaSmi"/> found: a line per card, and whether any
    /// card names a device that is not there. No card found at all is normal on a CPU machine (services elsewhere).
    /// </summary>
    public (IReadOnlyList<string> Lines, bool Missing) DeviceReport(IReadOnlyList<GpuCard> found)
    {
        if (found.Count == 0)
            return ([$"nvidia-smi found no card (normal on a CPU machine); {Cards.Count} configured card(s) rely on their services' own GPUs"], false);
        var lines = new List<string>();
        var missing = false;
        foreach (var card in Cards)
        {
            if (found.FirstOrDefault(g => g.Index == card.Device) is { } gpu)
            {
                var memory = gpu.MemoryTotalMiB is { } total
                    ? string.Create(CultureInfo.InvariantCulture, $", {gpu.MemoryUsedMiB ?? 0} of {total} MiB used")
                    : "";
                lines.Add($"{card.Name}: device {card.Device} is {gpu.Name}{memory}");
            }
            else
            {
                missing = true;
                lines.Add($"{card.Name}: device {card.Device} is not among the {found.Count} card(s) nvidia-smi lists ({string.Join(", ", found.Select(g => g.Index))})");
            }
        }
        return (lines, missing);
    }
}
