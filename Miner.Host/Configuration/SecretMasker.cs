using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Miner.Host.Configuration;

/// <summary>
/// Decides what `config show` and diagnostics must not print: values under secret-looking keys, and the password
/// part of connection strings and URLs anywhere.
/// </summary>
public static partial class SecretMasker
{
    public const string Mask = "****";

    // Compared after normalisation (lower case, no '-' or '_'); a trailing plural 's' is ignored.
    private static readonly string[] SecretSuffixes = ["password", "passwd", "passphrase", "secret", "token", "apikey", "privatekey", "mnemonic", "seedphrase"];

    /// <summary>
    /// True when the last named segment of <paramref name="key"/> (list indexes skipped) is, or ends with, a
    /// secret word: password, secret, token, api-key, private-key, mnemonic, seed (exactly), etc.
    /// </summary>
    public static bool IsSecretKey(string key)
    {
        var segments = key.Split(ConfigurationPath.KeyDelimiter, '.');
        var last = segments.LastOrDefault(s => s.Length > 0 && !s.All(char.IsAsciiDigit));
        if (last is null) return false;
        var name = ConfigurationKeys.NormalizeSegment(last).ToLowerInvariant();
        var singular = name.EndsWith('s') ? name[..^1] : name;
        return singular == "seed" || SecretSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal) || singular.EndsWith(s, StringComparison.Ordinal));
    }

    /// <summary>The value to show for <paramref name="key"/>: masked whole for a secret key, else with embedded passwords masked.</summary>
    public static string? MaskValue(string key, string? value)
    {
        if (value is null) return null;
        if (IsSecretKey(key)) return value.Length == 0 ? value : Mask;
        var masked = ConnectionStringPassword().Replace(value, m => $"{m.Groups["name"].Value}={Mask}");
        return UrlPassword().Replace(masked, m => $"{m.Groups["user"].Value}:{Mask}@");
    }

    [GeneratedRegex(@"(?<name>\b(?:password|pwd))\s*=\s*(?:""[^""]*""|'[^']*'|[^;]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionStringPassword();

    [GeneratedRegex(@"(?<user>://[^/@:\s]*):[^@/\s]*@", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPassword();
}
