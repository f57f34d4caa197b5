namespace Miner.Actors.Storage;

/// <summary>One event or snapshot row of an old journal: the payload as its stored UTF-8 bytes, untouched.</summary>
internal sealed record LegacyRow(long SequenceNr, string Manifest, byte[] Payload, DateTimeOffset Timestamp);
