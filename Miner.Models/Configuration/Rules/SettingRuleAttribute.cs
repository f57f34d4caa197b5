namespace Miner.Models.Configuration.Rules;

/// <summary>
/// A rule one setting's value must follow, put on the options property. Checked by the configuration binder while it
/// walks the values as written (so the message names the key, the value and where it was set) and by
/// <see cref="SettingRules"/> on options built in code. On a list it applies to every element.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public abstract class SettingRuleAttribute : Attribute
{
    /// <summary>Whether <paramref name="value"/> (of the property's type, or a list element's) is allowed.</summary>
    public abstract bool Allows(object value);

    /// <summary>Why <paramref name="shownValue"/> is refused, with the allowed values: <c>-5s is out of range: expected a positive duration</c>.</summary>
    public abstract string Problem(string shownValue, Type type);
}
