using System.Runtime.Serialization;
using System.Text;
using Akka.Actor;
using Akka.Configuration;
using Akka.Serialization;
using Miner.Actors.Mining.Ledger;
using Miner.Actors.Mining.Scoring;
using Miner.Actors.Storage;

namespace Miner.Actors.Akka.Serialization;

/// <summary>
/// The serializer Akka.Persistence stores the miner's events and snapshots with: the JSON (System.Text.Json, UTF-8)
/// and manifests the project's own journal already writes, read from the actors' manifest tables
/// (<see cref="ScoreKeeper.ManifestTable"/>, <see cref="TaskLedger.ManifestTable"/>) through the same
/// <see cref="EventSerializer"/>. Stored payloads therefore carry no CLR type names, and the manifests already in
/// journals stay valid, so their payloads can be copied over byte for byte. Plugged in with <see cref="Configuration"/>.
/// </summary>
public sealed class MinerJsonSerializer : SerializerWithStringManifest
{
    /// <summary>The serializer id Akka stores next to each payload (user range, above Akka's reserved 0–100).</summary>
    public const int Id = 4040;

    /// <summary>Registers the serializer as <c>miner-json</c> and binds <see cref="IMinerPersistentMessage"/> to it.</summary>
    public const string Configuration = """
        akka.actor {
          serializers {
            miner-json = "Miner.Actors.Akka.Serialization.MinerJsonSerializer, Miner.Actors"
          }
          serialization-bindings {
            "Miner.Actors.Storage.IMinerPersistentMessage, Miner.Actors" = miner-json
          }
        }
        """;

    /// <summary>Every table the serializer knows: the persistent actors' own.</summary>
    public static IEnumerable<ManifestBinding> ManifestTables => ScoreKeeper.ManifestTable.Concat(TaskLedger.ManifestTable);

    private readonly EventSerializer _json = new();

    public MinerJsonSerializer(ExtendedActorSystem system) : base(system)
    {
        _json.Register(ManifestTables);
    }

    /// <summary><see cref="Configuration"/> parsed, to put in front of a system's own configuration.</summary>
    public static Config Hocon => ConfigurationFactory.ParseString(Configuration);

    public override int Identifier => Id;

    public override string Manifest(object o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return _json.TryGetManifest(o.GetType(), out var manifest)
            ? manifest
            : throw new SerializationException($"miner-json has no manifest for {o.GetType().Name}; add it to its actor's ManifestTable");
    }

    public override byte[] ToBinary(object obj)
    {
        var manifest = Manifest(obj);
        try
        {
            return Encoding.UTF8.GetBytes(_json.Serialize(obj).Payload);
        }
        catch (EventSerializationException error)
        {
            throw new SerializationException($"miner-json cannot write '{manifest}': {OneLine(error.Message)}", error);
        }
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        if (!_json.IsKnownManifest(manifest))
            throw new SerializationException($"miner-json does not know manifest '{manifest}'");
        try
        {
            return _json.Deserialize(manifest, Encoding.UTF8.GetString(bytes));
        }
        catch (EventSerializationException error)
        {
            throw new SerializationException($"miner-json cannot read '{manifest}': {OneLine(error.Message)}", error);
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
