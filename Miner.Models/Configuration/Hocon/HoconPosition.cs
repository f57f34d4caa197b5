namespace Miner.Models.Configuration.Hocon;

/// <summary>Where a piece of HOCON text came from. Line and column are 1-based; 0 means "the whole file".</summary>
public readonly record struct HoconPosition(string File, int Line, int Column)
{
    /// <summary>"file:line", the form `config show` annotates values with.</summary>
    public string FileAndLine => Line > 0 ? $"{File}:{Line}" : File;

    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
