namespace Miner.Specs.Mining.Fakes;

/// <summary>How a <see cref="FakeGpu"/> treats tasks; specs may change it while the system runs.</summary>
public sealed class FakeGpuBehaviour
{
    public TimeSpan GenerationTime { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Report every task as declined (no cloud).</summary>
    public bool Decline { get; set; }

    /// <summary>Stop (die) when the next task arrives, with it in hand.</summary>
    public bool DieOnNextTask { get; set; }

    /// <summary>Ask for no more work.</summary>
    public bool Draining { get; set; }

    public int Received { get; set; }
}
