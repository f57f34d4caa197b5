namespace Miner.Models.Bittensor.Crypto;

/// <summary>
/// sr25519 verification with the substrate signing context. Never throws on malformed input:
/// wrong lengths, unmarked or non-canonical signatures and invalid public keys all verify false.
/// </summary>
public static class Sr25519
{
    /// <summary>The signing context substrate, btwallet and polkadot-js use.</summary>
    public static ReadOnlySpan<byte> SigningContext => "substrate"u8;

    /// <summary>Plain schnorrkel verification (sp-core's verify).</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != Sr25519Keypair.PublicKeyLength || signature.Length != Sr25519Keypair.SignatureLength) return false;
        if ((signature[63] & 0x80) == 0) return false;
        Span<byte> sBytes = stackalloc byte[32];
        signature[32..].CopyTo(sBytes);
        sBytes[31] &= 0x7f;
        var s = Scalar25519.FromBytes(sBytes, out var canonical);
        if (canonical == 0) return false;
        if (!RistrettoPoint.TryDecode(publicKey, out var a)) return false;

        var transcript = SigningTranscript(publicKey, message);
        transcript.AppendMessage("sign:R"u8, signature[..32]);
        Span<byte> wide = stackalloc byte[64];
        transcript.ChallengeBytes("sign:c"u8, wide);
        var k = Scalar25519.FromBytesWide(wide);

        // R' = s*B - k*A must encode to the R in the signature.
        var expected = EdwardsPoint.MultiplyBase(s) + -EdwardsPoint.Multiply(a.Edwards, k);
        Span<byte> encoded = stackalloc byte[32];
        RistrettoPoint.FromEdwards(expected).Encode(encoded);
        return encoded.SequenceEqual(signature[..32]);
    }

    /// <summary>
    /// btwallet's verify: the plain message first, then <c>&lt;Bytes&gt;message&lt;/Bytes&gt;</c>
    /// (the polkadot-js extension's wrapping). This is what a bittensor axon accepts.
    /// </summary>
    public static bool VerifyWithBytesWrapperFallback(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (Verify(publicKey, message, signature)) return true;
        byte[] wrapped = [.. "<Bytes>"u8, .. message, .. "</Bytes>"u8];
        return Verify(publicKey, wrapped, signature);
    }

    // schnorrkel: signing_context(ctx).bytes(msg), then proto-name and the public key.
    internal static MerlinTranscript SigningTranscript(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message)
    {
        var transcript = new MerlinTranscript("SigningContext"u8);
        transcript.AppendMessage(""u8, SigningContext);
        transcript.AppendMessage("sign-bytes"u8, message);
        transcript.AppendMessage("proto-name"u8, "Schnorr-sig"u8);
        transcript.AppendMessage("sign:pk"u8, publicKey);
        return transcript;
    }
}
