using Microsoft.Extensions.Configuration;

namespace Miner.Host.Configuration;

/// <summary>
/// The one key normalisation all our sources share: each segment loses '-' and '_' (the binder ignores case), so
/// <c>validators.min-stake</c>, <c>MINER_VALIDATORS__MIN_STAKE</c> and <c>--validators.min-stake</c> meet on
/// <c>validators:minstake</c>, which binds to <c>Validators.MinStake</c>.
/// </summary>
public static class ConfigurationKeys
{
    public static string NormalizeSegment(string segment) =>
        segment.Contains('-') || segment.Contains('_') ? segment.Replace("-", "").Replace("_", "") : segment;

    /// <summary>Written segments to a configuration key such as <c>validators:minstake</c>.</summary>
    public static string Normalize(IEnumerable<string> writtenSegments) =>
        ConfigurationPath.Combine(writtenSegments.Select(NormalizeSegment));

    /// <summary>A dotted section path as an operator writes it (<c>validators</c>, <c>miner.gpus</c>) to a key.</summary>
    public static string FromDotted(string dottedPath) =>
        dottedPath.Length == 0 ? "" : Normalize(dottedPath.Split('.'));

    public static string[] Split(string key) => key.Length == 0 ? [] : key.Split(ConfigurationPath.KeyDelimiter);

    /// <summary>Segments joined with dots, quoting a segment that itself contains a dot.</summary>
    public static string ToDotted(IEnumerable<string> segments) =>
        string.Join('.', segments.Select(s => s.Contains('.') ? $"\"{s}\"" : s));
}
