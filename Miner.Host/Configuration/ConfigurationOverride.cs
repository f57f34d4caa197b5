namespace Miner.Host.Configuration;

/// <summary>One command-line override such as <c>--wallet.name x</c>.</summary>
/// <param name="Token">The flag as written (<c>--wallet.name</c>, or <c>--wallet.name=x</c>).</param>
/// <param name="WrittenPath">The key's dot-separated segments as written.</param>
public sealed record ConfigurationOverride(string Token, IReadOnlyList<string> WrittenPath, string Value)
{
    public string Key => ConfigurationKeys.Normalize(WrittenPath);
}
