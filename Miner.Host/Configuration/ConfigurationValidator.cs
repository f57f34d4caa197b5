using System.Collections;
using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Miner.Models.Configuration;

namespace Miner.Host.Configuration;

/// <summary>
/// Walks a configuration section against an options type before binding, so that unknown keys and values of
/// the wrong type are reported with the key as written and where it came from, not as the binder's
/// normalised path.
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

    /// <summary>Unknown keys from the environment are warnings: other tools share the MINER_ prefix.</summary>
    public static ConfigurationDiagnostic UnknownKey(IConfigurationRoot root, string key)
    {
        var origin = ConfigurationOrigin.FindForSection(root, key);
        var severity = origin?.Kind == ConfigurationOriginKind.Environment
            ? ConfigurationDiagnosticSeverity.Warning
            : ConfigurationDiagnosticSeverity.Error;
        return Diagnose(root, key, severity, "unknown key");
    }

    private void Walk(IConfigurationSection section, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var children = section.GetChildren().ToList();
        if (IsScalar(type))
        {
            if (children.Count > 0) Error(section.Path, $"expected {Describe(type)}, found an object");
            else if (section.Value is { } value) CheckConversion(section.Path, value, type);
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
                else Walk(child, elementType);
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
            if (FindProperty(type, child.Key) is { } property) Walk(child, property.PropertyType);
            else _diagnostics.Add(UnknownKey(_root, child.Path));
        }
    }

    private void CheckConversion(string key, string value, Type type)
    {
        try
        {
            if (type.IsEnum && !Enum.TryParse(type, value, ignoreCase: true, out _)) throw new FormatException($"'{value}' is not a known value");
            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
        }
        catch (Exception ex)
        {
            var reason = ex.InnerException?.Message ?? ex.Message;
            if (SecretMasker.IsSecretKey(key)) reason = "the value cannot be converted";
            Error(key, $"expected {Describe(type)}: {reason}");
        }
    }

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
