using System.Globalization;

namespace Miner.Models.Configuration.Rules;

/// <summary>
/// Within [min, max] (<c>[Between(0, 1)]</c>), or for durations and sizes <c>[Between("1s", "1h")]</c>; either end
/// may be made exclusive (<c>[Between(0, 1, MinExclusive = true)]</c> is (0, 1]).
/// </summary>
public sealed class BetweenAttribute : RangeRuleAttribute
{
    public BetweenAttribute(double min, double max)
        : base(min.ToString("R", CultureInfo.InvariantCulture), max.ToString("R", CultureInfo.InvariantCulture)) { }

    public BetweenAttribute(string min, string max) : base(min, max) { }

    public bool MinExclusive
    {
        get => MinIsExclusive;
        set => MinIsExclusive = value;
    }

    public bool MaxExclusive
    {
        get => MaxIsExclusive;
        set => MaxIsExclusive = value;
    }

    public override string Expected(Type type)
    {
        var noun = SettingScalar.WithArticle(SettingScalar.Noun(SettingScalar.RequireKind(type)));
        return $"{noun} in {(MinExclusive ? "(" : "[")}{MinText}, {MaxText}{(MaxExclusive ? ")" : "]")}";
    }
}
