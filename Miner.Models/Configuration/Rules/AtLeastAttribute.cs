using System.Globalization;

namespace Miner.Models.Configuration.Rules;

/// <summary>At least a number (<c>[AtLeast(1)]</c>) or a duration or size written as text (<c>[AtLeast("1KiB")]</c>).</summary>
public sealed class AtLeastAttribute : RangeRuleAttribute
{
    public AtLeastAttribute(double min) : base(min.ToString("R", CultureInfo.InvariantCulture), null) { }

    public AtLeastAttribute(string min) : base(min, null) { }

    public override string Expected(Type type) =>
        $"{SettingScalar.WithArticle(SettingScalar.Noun(SettingScalar.RequireKind(type)))} of {MinText} or more";
}
