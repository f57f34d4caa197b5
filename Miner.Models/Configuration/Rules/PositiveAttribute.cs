namespace Miner.Models.Configuration.Rules;

/// <summary>More than zero (a duration, a size, a count), and at most <see cref="Max"/> when given.</summary>
public sealed class PositiveAttribute : RangeRuleAttribute
{
    public PositiveAttribute() : base("0", null) => MinIsExclusive = true;

    /// <summary>Upper bound as the setting is written (<c>"1h"</c>, <c>"2GiB"</c>, <c>"1000"</c>); none when null.</summary>
    public string? Max
    {
        get => MaxText;
        set => MaxText = value;
    }

    public override string Expected(Type type)
    {
        var noun = SettingScalar.Noun(SettingScalar.RequireKind(type));
        return Max is null ? $"a positive {noun}" : $"a positive {noun} of at most {Max}";
    }
}
