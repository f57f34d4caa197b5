namespace Miner.Models.Configuration.Rules;

/// <summary>
/// Options with rules that span several settings (a minimum above its maximum, a timeout too short for what it must
/// contain). Single values are checked by the range attributes; this covers what one value alone cannot say.
/// </summary>
public interface IValidatedOptions
{
    /// <summary>Each setting that cannot work, keyed relative to this object as written in HOCON (<c>backoff-min</c>).</summary>
    IEnumerable<(string Key, string Problem)> Problems();
}
