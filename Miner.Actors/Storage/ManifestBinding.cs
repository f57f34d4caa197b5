namespace Miner.Actors.Storage;

/// <summary>
/// One row of a manifest table: the stable name a journal stores for <see cref="Type"/> (e.g.
/// <c>scorekeeper.pull-recorded.v1</c>). Each persistent actor keeps its table in one static list, which Akka's
/// serializer (<c>MinerJsonSerializer</c>) and the legacy journal migration read.
/// </summary>
public sealed record ManifestBinding(Type Type, string Manifest)
{
    public static ManifestBinding Of<T>(string manifest) => new(typeof(T), manifest);
}
