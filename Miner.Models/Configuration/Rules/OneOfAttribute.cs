namespace Miner.Models.Configuration.Rules;

/// <summary>A string setting that takes one of a few words (compared ignoring case and surrounding spaces).</summary>
public sealed class OneOfAttribute(params string[] words) : SettingRuleAttribute
{
    public IReadOnlyList<string> Words { get; } = words;

    public override bool Allows(object value) =>
        value is string text && Words.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase);

    public override string Problem(string shownValue, Type type) =>
        $"'{shownValue}' is not a known value: expected one of {string.Join(", ", Words)}";
}
