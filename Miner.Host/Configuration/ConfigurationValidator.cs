using System.Collections;
using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Miner.Models.Configuration;
using Miner.Models.Configuration.Rules;

namespace Miner.Host.Configuration;

/// <summary>
/// Walks a configuration section against an options type before binding, so that unknown keys, values of the wrong
/// type, unknown enum words and values outside their property's range (<see cref="SettingRuleAttribute"/>) are
/// reported with the key as written, the value and where it came from, not as the binder's normalised path.
/// </summary>
public sealed class ConfigurationValidator
{
    private readonly IConfigurationRoot _root;
    private readonly List<ConfigurationDiagnostic> _diagnostics = [];

    private ConfigurationValidator(IConfigurationRoot root) => _root = root;

    /// <param name="sectionPath">Dotted path as written (<c>validators</c>); empty for the whole configuration.</param>
    public static IReadOnlyList<ConfigurationDiagnostic> Validate(IConfigurationRoot root, string sectionPath, Type optionsType)
    {
        ConfigurationConverters.Register();
        var validator = new ConfigurationValidator(root);
        var key = ConfigurationKeys.FromDotted(sectionPath);
        if (key.Length == 0) validator.WalkMembers(root.GetChildren(), optionsType);
        else validator.Walk(root.GetSection(key), optionsType);
        return validator._diagnostics;
    }

    /// <summary>Reports <paramref name="key"/> (a section or a value) with its written name and origin.</summary>
    public static ConfigurationDiagnostic Diagnose(IConfigurationRoot root, string key, ConfigurationDiagnosticSeverity severity, string message)
    {
        var origin = ConfigurationOrigin.FindForSection(root, key);
        var written = origin?.DottedPath ?? key.Replace(ConfigurationPath.KeyDelimiter, ".");
        return new ConfigurationDiagnostic(severity, written, origin?.ToString(), message);
    }

    /// <summary>
    /// Reports a problem found on the bound options (<paramref name="relativeKey"/> under <paramref name="sectionPath"/>,
    /// dotted). A key that was not written (a default broke a combination) is located at the nearest enclosing entry
    /// that was, so the operator sees which card or section it concerns.
    /// </summary>
    public static ConfigurationDiagnostic DiagnoseSetting(IConfigurationRoot root, string sectionPath, string relativeKey, string problem)
    {
        var dotted = sectionPath.Length == 0 ? relativeKey : relativeKey.Length == 0 ? sectionPath : $"{sectionPath}.{relativeKey}";
        var diagnostic = Diagnose(root, ConfigurationKeys.FromDotted(dotted), ConfigurationDiagnosticSeverity.Error, problem);
        if (diagnostic.Location is not null) return diagnostic;
        var segments = dotted.Split('.');
        var sectionDepth = sectionPath.Length == 0 ? 0 : sectionPath.Split('.').Length;
        for (var n = segments.Length - 1; n > sectionDepth; n--)
            if (ConfigurationOrigin.FindForSection(root, ConfigurationKeys.FromDotted(string.Join('.', segments[..n]))) is { } parent)
                return new ConfigurationDiagnostic(ConfigurationDiagnosticSeverity.Error, dotted, parent.ToString(), problem);
        return diagnostic with { Key = dotted };
    }

    /// <summary>Unknown keys from the environment are warnings: other tools share the MINER_ prefix.</summary>
    public static ConfigurationDiagnostic UnknownKey(IConfigurationRoot root, string key)
    {
        var origin = ConfigurationOrigin.FindForSection(root, key);
        var severity = origin?.Kind == ConfigurationOriginKind.Environment
            ? ConfigurationDiagnosticSeverity.Warning
            : ConfigurationDiagnosticSeverity.Error;
        return Diagnose(root, key, severity, "unknown key");
    }

    /// <param name="rules">The rules of the property being walked; on a list they apply to each element.</param>
    private void Walk(IConfigurationSection section, Type type, IReadOnlyList<SettingRuleAttribute>? rules = null)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var children = section.GetChildren().ToList();
        if (IsScalar(type))
        {
            if (children.Count > 0) Error(section.Path, $"expected {Describe(type)}, found an object");
            else if (section.Value is { } value && Convert(section.Path, value, type) is { } converted) CheckRules(section.Path, value, converted, type, rules);
            return;
        }
        if (children.Count == 0)
        {
            // An empty object or array flattens to null, which binds to nothing; a real value is a mistake.
            if (!string.IsNullOrEmpty(section.Value)) Error(section.Path, $"expected {Describe(type)}, found a single value");
            return;
        }
        if (DictionaryValueType(type) is { } valueType)
        {
            foreach (var child in children) Walk(child, valueType);
        }
        else if (ElementType(type) is { } elementType)
        {
            foreach (var child in children)
            {
                if (!int.TryParse(child.Key, out _)) Error(child.Path, "expected a list index");
                else Walk(child, elementType, rules);
            }
        }
        else
        {
            WalkMembers(children, type);
        }
    }

    private void WalkMembers(IEnumerable<IConfigurationSection> children, Type type)
    {
        foreach (var child in children)
        {
            if (FindProperty(type, child.Key) is { } property) Walk(child, property.PropertyType, SettingRules.Of(property));
            else _diagnostics.Add(UnknownKey(_root, child.Path));
        }
    }

    /// <summary>The value converted as the binder will convert it; null (and an error reported) when it cannot be.</summary>
    private object? Convert(string key, string value, Type type)
    {
        if (type.IsEnum)
        {
            // Enum.TryParse also takes numbers and comma lists; only a member's name is a setting's word.
            var word = value.Trim();
            if (word.Length > 0 && !char.IsAsciiDigit(word[0]) && word[0] != '-' && !word.Contains(',') &&
                Enum.TryParse(type, word, ignoreCase: true, out var member) && Enum.IsDefined(type, member!)) return member;
            Error(key, SettingRules.UnknownWord(type, Shown(key, value)));
            return null;
        }
        try
        {
            return TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
        }
        catch (Exception ex)
        {
            var reason = ex.InnerException?.Message ?? ex.Message;
            if (SecretMasker.IsSecretKey(key)) reason = "the value cannot be converted";
            Error(key, $"expected {Describe(type)}: {reason}");
            return null;
        }
    }

    /// <summary>Reports the first rule <paramref name="converted"/> breaks, showing the value as written.</summary>
    private void CheckRules(string key, string written, object converted, Type type, IReadOnlyList<SettingRuleAttribute>? rules)
    {
        foreach (var rule in rules ?? [])
        {
            if (rule.Allows(converted)) continue;
            Error(key, rule.Problem(Shown(key, written), type));
            return;
        }
    }

    private static string Shown(string key, string written) => SecretMasker.IsSecretKey(key) ? SecretMasker.Mask : written.Trim();

    private void Error(string key, string message) =>
        _diagnostics.Add(Diagnose(_root, key, ConfigurationDiagnosticSeverity.Error, message));

    private static PropertyInfo? FindProperty(Type type, string key)
    {
        var wanted = ConfigurationKeys.NormalizeSegment(key);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            var name = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
            if (string.Equals(ConfigurationKeys.NormalizeSegment(name), wanted, StringComparison.OrdinalIgnoreCase)) return property;
        }
        return null;
    }

    internal static bool IsScalar(Type type) =>
        type == typeof(string) || type == typeof(object) || type.IsPrimitive || type.IsEnum ||
        (!typeof(IEnumerable).IsAssignableFrom(type) && TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string)));

    private static Type? DictionaryValueType(Type type) =>
        (GenericInterface(type, typeof(IDictionary<,>)) ?? GenericInterface(type, typeof(IReadOnlyDictionary<,>)))?[1];

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType() : GenericInterface(type, typeof(IEnumerable<>))?[0];

    private static Type[]? GenericInterface(Type type, Type definition)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == definition) return type.GetGenericArguments();
        return type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition)?.GetGenericArguments();
    }

    private static string Describe(Type type)
    {
        if (type == typeof(TimeSpan)) return "a duration such as 10s, 500ms or 00:00:10";
        if (type == typeof(ByteSize)) return "a size such as 64MiB or 1GB";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(string)) return "a string";
        if (type.IsEnum) return "one of " + string.Join(", ", Enum.GetNames(type));
        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) ||
            type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte)) return "an integer";
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal)) return "a number";
        if (DictionaryValueType(type) is not null || ElementType(type) is not null) return "a list or object";
        return IsScalar(type) ? $"a {type.Name}" : "an object";
    }
}
