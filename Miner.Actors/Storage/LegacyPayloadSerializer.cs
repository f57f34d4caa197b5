using Akka.Actor;
using Akka.Serialization;
using Miner.Actors.Akka.Serialization;

namespace Miner.Actors.Storage;

/// <summary>
/// The migration's serializer: it claims <see cref="MinerJsonSerializer.Id"/> and hands Akka the old row's bytes and
/// manifest unchanged, so every copied row reads back through <see cref="MinerJsonSerializer"/> in the miner's own
/// actor system. Registered only in the migration's throwaway system.
/// </summary>
internal sealed class LegacyPayloadSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const string Hocon = """
        akka.actor {
          serializers { legacy-copy = "Miner.Actors.Storage.LegacyPayloadSerializer, Miner.Actors" }
          serialization-bindings { "Miner.Actors.Storage.LegacyPayload, Miner.Actors" = legacy-copy }
        }
        """;

    public override int Identifier => MinerJsonSerializer.Id;

    public override string Manifest(object o) => ((LegacyPayload)o).Manifest;

    public override byte[] ToBinary(object obj) => ((LegacyPayload)obj).Bytes;

    public override object FromBinary(byte[] bytes, string manifest) => new LegacyPayload(manifest, bytes);
}
