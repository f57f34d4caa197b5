namespace Miner.Models.Configuration.Hocon;

/// <summary>A resolved, immutable HOCON value that remembers where it was defined.</summary>
public abstract class HoconValue
{
    private protected HoconValue(HoconPosition origin, int depth, long nodeCount, long charCount)
    {
        Origin = origin;
        Depth = depth;
        NodeCount = nodeCount;
        CharCount = charCount;
    }

    /// <summary>The file, line and column of the text that defined this value.</summary>
    public HoconPosition Origin { get; }

    /// <summary>Nesting depth: 1 for a scalar or an empty container.</summary>
    internal int Depth { get; }

    /// <summary>Nodes in the fully expanded tree (shared sub-trees counted each time), saturating.</summary>
    internal long NodeCount { get; }

    /// <summary>Characters of keys and scalars in the fully expanded tree (shared sub-trees counted each time), saturating.</summary>
    internal long CharCount { get; }

    internal static long AddCounts(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
