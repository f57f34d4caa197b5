namespace Miner.Models.Configuration.Rules;

/// <summary>
/// A lower and/or upper bound for a number, a duration or a size. Bounds are written as the setting would be
/// (<c>"1h"</c>, <c>"64MiB"</c>, <c>"0.5"</c>) and read for the property's type; NaN and infinities are never allowed.
/// </summary>
public abstract class RangeRuleAttribute : SettingRuleAttribute
{
    protected RangeRuleAttribute(string? min, string? max)
    {
        MinText = min;
        MaxText = max;
    }

    protected string? MinText { get; set; }

    protected string? MaxText { get; set; }

    /// <summary>The lower bound itself is refused.</summary>
    protected bool MinIsExclusive { get; set; }

    /// <summary>The upper bound itself is refused.</summary>
    protected bool MaxIsExclusive { get; set; }

    public override bool Allows(object value)
    {
        if (SettingScalar.KindOf(value.GetType()) is not { } kind) return false;
        var magnitude = SettingScalar.Magnitude(value);
        if (!double.IsFinite(magnitude)) return false;
        if (MinText is not null)
        {
            var min = SettingScalar.ParseBound(MinText, kind);
            if (magnitude < min || (MinIsExclusive && magnitude == min)) return false;
        }
        if (MaxText is not null)
        {
            var max = SettingScalar.ParseBound(MaxText, kind);
            if (magnitude > max || (MaxIsExclusive && magnitude == max)) return false;
        }
        return true;
    }

    public override string Problem(string shownValue, Type type) => $"{shownValue} is out of range: expected {Expected(type)}";

    /// <summary>The allowed values in words: <c>a positive duration</c>, <c>a number in (0, 1]</c>.</summary>
    public abstract string Expected(Type type);

    /// <summary>Checks the bounds read for <paramref name="type"/>; a malformed bound is a programming error.</summary>
    public void CheckBounds(Type type)
    {
        var kind = SettingScalar.RequireKind(type);
        if (MinText is not null) SettingScalar.ParseBound(MinText, kind);
        if (MaxText is not null) SettingScalar.ParseBound(MaxText, kind);
    }
}
