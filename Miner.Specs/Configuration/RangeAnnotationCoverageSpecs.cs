using System.Collections;
using System.Reflection;
using Miner.Host.Configuration;
using Miner.Host.Devnet;
using Miner.Models.Bittensor.Chain;
using Miner.Models.Configuration.Rules;

namespace Miner.Specs.Configuration;

/// <summary>
/// Every number, duration and size a registered options type binds (nested types and list elements included) says
/// what it allows, so a new setting cannot slip in unchecked. Enums need no annotation: the binder accepts only
/// their members' names.
/// </summary>
public sealed class RangeAnnotationCoverageSpecs
{
    /// <summary>Settings whose type is already their whole range. Keep this short, and say why for each.</summary>
    private static readonly HashSet<(Type, string)> Unbounded =
    [
        // A subnet id is a u16 on chain: every ushort names a possible subnet.
        (typeof(MetagraphOptions), nameof(MetagraphOptions.Netuid)),
        (typeof(DevnetOptions), nameof(DevnetOptions.Netuid)),
        // Any int seeds the devnet's generators (negative seeds included).
        (typeof(DevnetOptions), nameof(DevnetOptions.Seed)),
    ];

    public static TheoryData<string> Sections() => [.. MinerSettings.Sections.Select(s => s.SectionPath)];

    [Theory]
    [MemberData(nameof(Sections))]
    public void Every_number_duration_and_size_of_a_registered_section_carries_a_range(string section)
    {
        var type = MinerSettings.Sections.Single(s => s.SectionPath == section).OptionsType;
        var missing = Ranged(type, section).Where(p => p.Rules.Count == 0 && !Unbounded.Contains((p.Property.DeclaringType!, p.Property.Name)))
            .Select(p => p.Key).ToList();
        Assert.True(missing.Count == 0, "no range rule on: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void Every_range_bound_reads_as_its_settings_type(string section)
    {
        var type = MinerSettings.Sections.Single(s => s.SectionPath == section).OptionsType;
        foreach (var (key, property, rules) in Ranged(type, section))
        foreach (var rule in rules.OfType<RangeRuleAttribute>())
        {
            var valueType = ScalarType(property.PropertyType);
            var error = Record.Exception(() => rule.CheckBounds(valueType));
            Assert.True(error is null, $"{key}: {error?.Message}");
        }
    }

    [Fact]
    public void The_allow_list_names_only_settings_that_exist_and_carry_no_range()
    {
        foreach (var (type, name) in Unbounded)
        {
            var property = type.GetProperty(name);
            Assert.NotNull(property);
            Assert.Empty(SettingRules.Of(property));
        }
    }

    /// <summary>Each number, duration or size property under <paramref name="type"/> (lists by their element), with its key.</summary>
    private static IEnumerable<(string Key, PropertyInfo Property, IReadOnlyList<SettingRuleAttribute> Rules)> Ranged(Type type, string prefix)
    {
        foreach (var property in SettingRules.SettingsOf(type))
        {
            var key = $"{prefix}.{SettingRules.KeyOf(property)}";
            var valueType = ScalarType(property.PropertyType);
            if (SettingScalar.KindOf(valueType) is not null) yield return (key, property, SettingRules.Of(property));
            else if (valueType.IsClass && valueType != typeof(string) && valueType.Namespace?.StartsWith("Miner.", StringComparison.Ordinal) == true)
                foreach (var nested in Ranged(valueType, valueType == property.PropertyType ? key : key + ".N")) yield return nested;
        }
    }

    /// <summary>The type a setting's values have: a list's element type, a nullable's underlying type.</summary>
    private static Type ScalarType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
            type = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().FirstOrDefault() ?? type;
        return Nullable.GetUnderlyingType(type) ?? type;
    }
}
