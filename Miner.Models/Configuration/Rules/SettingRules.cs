using System.Collections;
using System.Reflection;
using System.Text;

namespace Miner.Models.Configuration.Rules;

/// <summary>
/// The one place the setting rules are applied to options objects: the range attributes on every settable property
/// (recursively through nested options and lists) and <see cref="IValidatedOptions.Problems"/> of each object met.
/// The configuration binder applies the same attributes to the values as written, before binding, so its messages
/// also name the value's origin; this pass catches combinations and options built in code.
/// </summary>
public static class SettingRules
{
    /// <summary>The rules on <paramref name="property"/>; empty when it has none.</summary>
    public static IReadOnlyList<SettingRuleAttribute> Of(PropertyInfo property) =>
        property.GetCustomAttributes<SettingRuleAttribute>(inherit: true).ToList();

    /// <summary>The properties a configuration section binds: public, per instance, with a public setter or init.</summary>
    public static IEnumerable<PropertyInfo> SettingsOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetSetMethod() is not null && p.GetGetMethod() is not null);

    /// <summary>The HOCON key of a property: <c>MaxNonFiniteShare</c> is <c>max-non-finite-share</c>, <c>ImageTo3D</c> <c>image-to-3d</c>.</summary>
    public static string KeyOf(PropertyInfo property) => Kebab(property.Name);

    public static string Kebab(string name)
    {
        var key = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0)
            {
                var previous = name[i - 1];
                if ((char.IsUpper(c) && char.IsLower(previous)) || (char.IsDigit(c) && char.IsLetter(previous))) key.Append('-');
            }
            key.Append(char.ToLowerInvariant(c));
        }
        return key.ToString();
    }

    /// <summary>Values a rule looks at directly rather than walks into.</summary>
    public static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) || type.IsEnum || type == typeof(bool) || SettingScalar.KindOf(type) is not null;
    }

    /// <summary>Why an enum word is refused, listing the allowed words; null when it names a member.</summary>
    public static string? EnumProblem(Type enumType, object value) =>
        Enum.IsDefined(enumType, value) ? null : UnknownWord(enumType, SettingScalar.Format(value));

    public static string UnknownWord(Type enumType, string shownValue) =>
        $"'{shownValue}' is not a known value: expected one of {string.Join(", ", Enum.GetNames(enumType))}";

    /// <summary>Each setting of <paramref name="options"/> (and below) that breaks a rule, keyed relative to it.</summary>
    public static IReadOnlyList<(string Key, string Problem)> Problems(object options)
    {
        var problems = new List<(string, string)>();
        Collect(options, "", problems);
        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem, keys under <paramref name="prefix"/> (<c>miner.dendrite</c>).</summary>
    public static void ThrowIfInvalid(object options, string prefix)
    {
        var problems = Problems(options);
        if (problems.Count > 0)
            throw new ArgumentException(string.Join("; ", problems.Select(p => $"{Join(prefix, p.Key)}: {p.Problem}")));
    }

    private static void Collect(object options, string prefix, List<(string, string)> problems)
    {
        foreach (var property in SettingsOf(options.GetType()))
        {
            var value = property.GetValue(options);
            if (value is null) continue;
            var key = Join(prefix, KeyOf(property));
            var rules = Of(property);
            if (IsScalar(value.GetType()))
            {
                Check(value, rules, key, problems);
            }
            else if (value is IEnumerable items)
            {
                var index = 0;
                foreach (var item in items)
                {
                    var itemKey = $"{key}.{index++}";
                    if (item is null) continue;
                    if (IsScalar(item.GetType())) Check(item, rules, itemKey, problems);
                    else if (IsOptions(item.GetType())) Collect(item, itemKey, problems);
                }
            }
            else if (IsOptions(value.GetType()))
            {
                Collect(value, key, problems);
            }
        }
        if (options is IValidatedOptions validated)
            foreach (var (key, problem) in validated.Problems()) problems.Add((Join(prefix, key), problem));
    }

    private static void Check(object value, IReadOnlyList<SettingRuleAttribute> rules, string key, List<(string, string)> problems)
    {
        if (value.GetType().IsEnum && EnumProblem(value.GetType(), value) is { } word)
        {
            problems.Add((key, word));
            return;
        }
        foreach (var rule in rules)
        {
            if (rule.Allows(value)) continue;
            problems.Add((key, rule.Problem(SettingScalar.Format(value), value.GetType())));
            return;
        }
    }

    /// <summary>Our own options types: walked into. Framework types (Uri, lists' internals) are not.</summary>
    private static bool IsOptions(Type type) =>
        type.IsClass && type.Namespace?.StartsWith("Miner.", StringComparison.Ordinal) == true;

    private static string Join(string prefix, string key) => prefix.Length == 0 ? key : key.Length == 0 ? prefix : $"{prefix}.{key}";
}
