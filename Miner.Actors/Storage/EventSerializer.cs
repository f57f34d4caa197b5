using System.Text.Json;

namespace Miner.Actors.Storage;

/// <summary>
/// JSON (System.Text.Json) with a manifest per type: the actor registers a stable name for each event and snapshot
/// type (<c>scorekeeper.feedback-recorded.v1</c>), the journal stores that name, and replay maps it back. Renaming
/// or moving the CLR type therefore does not orphan stored events; changing its shape means a new manifest.
/// </summary>
public sealed class EventSerializer
{
    private static readonly JsonSerializerOptions DefaultOptions = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, Type> _byManifest = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _byType = new();
    private readonly JsonSerializerOptions _options;

    public EventSerializer(JsonSerializerOptions? options = null) => _options = options ?? DefaultOptions;

    public IEnumerable<string> Manifests => _byManifest.Keys;

    /// <summary>Names <typeparamref name="T"/>; a manifest or type registered twice with another partner is an error.</summary>
    public void Register<T>(string manifest) => Register(typeof(T), manifest);

    public void Register(Type type, string manifest)
    {
        if (string.IsNullOrWhiteSpace(manifest)) throw new ArgumentException("a manifest must not be empty", nameof(manifest));
        if (_byManifest.TryGetValue(manifest, out var known) && known != type)
            throw new ArgumentException($"manifest '{manifest}' is already registered for {known.Name}", nameof(manifest));
        if (_byType.TryGetValue(type, out var name) && name != manifest)
            throw new ArgumentException($"{type.Name} is already registered as '{name}'", nameof(type));
        _byManifest[manifest] = type;
        _byType[type] = manifest;
    }

    /// <summary>Registers every row of a manifest table.</summary>
    public void Register(IEnumerable<ManifestBinding> table)
    {
        foreach (var binding in table) Register(binding.Type, binding.Manifest);
    }

    public bool IsRegistered(Type type) => _byType.ContainsKey(type);

    /// <summary>The manifest registered for <paramref name="type"/> (exactly that type, not a base type).</summary>
    public bool TryGetManifest(Type type, out string manifest) => _byType.TryGetValue(type, out manifest!);

    /// <summary>Whether <paramref name="manifest"/> names a registered type.</summary>
    public bool IsKnownManifest(string manifest) => _byManifest.ContainsKey(manifest);

    /// <summary>The manifest and JSON of <paramref name="value"/>; throws <see cref="EventSerializationException"/>.</summary>
    public (string Manifest, string Payload) Serialize(object value)
    {
        if (!_byType.TryGetValue(value.GetType(), out var manifest))
            throw new EventSerializationException($"{value.GetType().Name} has no registered manifest; register it with Manifest<T>(\"name.v1\")");
        try
        {
            return (manifest, JsonSerializer.Serialize(value, value.GetType(), _options));
        }
        catch (Exception error) when (error is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new EventSerializationException($"{value.GetType().Name} ('{manifest}') cannot be serialised: {error.Message}", error);
        }
    }

    /// <summary>The object <paramref name="payload"/> describes; throws <see cref="EventSerializationException"/>.</summary>
    public object Deserialize(string manifest, string payload)
    {
        if (!_byManifest.TryGetValue(manifest, out var type))
            throw new EventSerializationException($"unknown manifest '{manifest}' (registered: {string.Join(", ", _byManifest.Keys.Order())})");
        try
        {
            return JsonSerializer.Deserialize(payload, type, _options)
                   ?? throw new EventSerializationException($"payload of '{manifest}' is JSON null");
        }
        catch (JsonException error)
        {
            var where = error.LineNumber is { } line ? $" at line {line + 1}, byte {error.BytePositionInLine + 1}" : "";
            throw new EventSerializationException($"payload of '{manifest}' is not valid JSON for {type.Name}{where}: {error.Message}", error);
        }
        catch (Exception error) when (error is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new EventSerializationException($"payload of '{manifest}' cannot be read as {type.Name}: {error.Message}", error);
        }
    }
}
