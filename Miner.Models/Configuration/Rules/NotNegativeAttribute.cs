namespace Miner.Models.Configuration.Rules;

/// <summary>Zero or more (zero usually means "off" or "none"), and at most <see cref="Max"/> when given.</summary>
public sealed class NotNegativeAttribute() : RangeRuleAttribute("0", null)
{
    /// <summary>Upper bound as the setting is written (<c>"1d"</c>, <c>"100"</c>); none when null.</summary>
    public string? Max
    {
        get => MaxText;
        set => MaxText = value;
    }

    public override string Expected(Type type)
    {
        var kind = SettingScalar.RequireKind(type);
        var zero = kind switch { SettingKind.Duration => "0s", SettingKind.Size => "0B", _ => "0" };
        var noun = SettingScalar.WithArticle(SettingScalar.Noun(kind));
        return Max is null ? $"{noun} of {zero} or more" : $"{noun} from {zero} to {Max}";
    }
}
