namespace Miner.Models.Generation;

/// <summary>One card as nvidia-smi reports it; memory in MiB, null where the driver says [N/A].</summary>
public sealed record GpuCard(int Index, string Name, long? MemoryTotalMiB, long? MemoryUsedMiB)
{
    public override string ToString() => $"{Index}: {Name} ({MemoryUsedMiB?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} of {MemoryTotalMiB?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} MiB used)";
}
