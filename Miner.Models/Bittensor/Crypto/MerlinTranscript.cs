using System.Buffers.Binary;

namespace Miner.Models.Bittensor.Crypto;

/// <summary>
/// A Merlin (v1.0) transcript: a STROBE-128 duplex that binds labelled messages and yields
/// challenges, plus the witness RNG schnorrkel derives signing nonces from.
/// </summary>
public sealed class MerlinTranscript
{
    private readonly Strobe128 _strobe;

    public MerlinTranscript(ReadOnlySpan<byte> label)
    {
        _strobe = new Strobe128("Merlin v1.0"u8);
        AppendMessage("dom-sep"u8, label);
    }

    public void AppendMessage(ReadOnlySpan<byte> label, ReadOnlySpan<byte> message)
    {
        _strobe.MetaAd(label, more: false);
        _strobe.MetaAd(LengthPrefix(message.Length), more: true);
        _strobe.Ad(message, more: false);
    }

    public void ChallengeBytes(ReadOnlySpan<byte> label, Span<byte> output)
    {
        _strobe.MetaAd(label, more: false);
        _strobe.MetaAd(LengthPrefix(output.Length), more: true);
        _strobe.Prf(output, more: false);
    }

    /// <summary>
    /// Fills <paramref name="output"/> from a witness RNG seeded by this transcript, the secret
    /// <paramref name="witness"/> and 32 external random bytes, leaving the transcript untouched
    /// (merlin's build_rng / rekey_with_witness_bytes / finalize / fill_bytes).
    /// </summary>
    public void WitnessBytes(ReadOnlySpan<byte> label, ReadOnlySpan<byte> witness, ReadOnlySpan<byte> random32, Span<byte> output)
    {
        if (random32.Length != 32) throw new ArgumentException("the witness RNG takes exactly 32 random bytes", nameof(random32));
        var rng = _strobe.Clone();
        rng.MetaAd(label, more: false);
        rng.MetaAd(LengthPrefix(witness.Length), more: true);
        rng.Key(witness, more: false);
        rng.MetaAd("rng"u8, more: false);
        rng.Key(random32, more: false);
        rng.MetaAd(LengthPrefix(output.Length), more: false);
        rng.Prf(output, more: false);
        rng.Clear();
    }

    private static byte[] LengthPrefix(int length)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, checked((uint)length));
        return bytes;
    }
}
