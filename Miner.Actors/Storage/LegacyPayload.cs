namespace Miner.Actors.Storage;

/// <summary>
/// An old journal's payload on its way into Akka: the stored bytes and manifest, written as they are by
/// <see cref="LegacyPayloadSerializer"/> so the copy is byte for byte and needs no knowledge of the event types.
/// </summary>
internal sealed record LegacyPayload(string Manifest, byte[] Bytes);
