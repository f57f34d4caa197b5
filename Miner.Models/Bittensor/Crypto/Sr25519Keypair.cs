using System.Security.Cryptography;

namespace Miner.Models.Bittensor.Crypto;

/// <summary>
/// An sr25519 (schnorrkel) keypair: secret scalar, 32-byte signing-nonce seed and Ristretto public
/// key. <see cref="ToString"/> shows the public key only; the secret leaves the object solely
/// through <see cref="ExportSecretKey"/>.
/// </summary>
public sealed class Sr25519Keypair
{
    public const int MiniSecretLength = 32;
    public const int SecretKeyLength = 64;
    public const int PublicKeyLength = 32;
    public const int SignatureLength = 64;

    private readonly Scalar25519 _key;
    private readonly byte[] _nonce;
    private readonly byte[] _publicKey;

    private Sr25519Keypair(in Scalar25519 key, byte[] nonce)
    {
        _key = key;
        _nonce = nonce;
        _publicKey = RistrettoPoint.FromEdwards(EdwardsPoint.MultiplyBase(key)).Encode();
    }

    /// <summary>The 32-byte public key (a fresh copy).</summary>
    public byte[] PublicKey => (byte[])_publicKey.Clone();

    /// <summary>
    /// Expands a 32-byte mini secret the way substrate and btwallet do (schnorrkel
    /// ExpansionMode::Ed25519): SHA-512, clamp the first half, divide it by the cofactor 8.
    /// </summary>
    public static Sr25519Keypair FromMiniSecret(ReadOnlySpan<byte> miniSecret)
    {
        if (miniSecret.Length != MiniSecretLength)
            throw new ArgumentException($"an sr25519 mini secret is {MiniSecretLength} bytes, got {miniSecret.Length}", nameof(miniSecret));
        Span<byte> h = stackalloc byte[64];
        SHA512.HashData(miniSecret, h);
        h[0] &= 248;
        h[31] &= 63;
        h[31] |= 64;
        Span<byte> key = stackalloc byte[32];
        for (var i = 0; i < 32; i++) key[i] = (byte)((h[i] >> 3) | (i < 31 ? h[i + 1] << 5 : 0));
        // key < 2^252 < l, so it is always canonical.
        var scalar = Scalar25519.FromBytes(key, out _);
        var keypair = new Sr25519Keypair(scalar, h[32..].ToArray());
        h.Clear();
        key.Clear();
        return keypair;
    }

    /// <summary>
    /// Loads the 64-byte canonical secret (key scalar LE ‖ nonce): schnorrkel's to_bytes form and
    /// btwallet's <c>privateKey</c>. Not the "ed25519 form" (scalar times 8) used by polkadot-js.
    /// </summary>
    public static Sr25519Keypair FromSecretKey(ReadOnlySpan<byte> secretKey)
    {
        if (secretKey.Length != SecretKeyLength)
            throw new ArgumentException($"an sr25519 secret key is {SecretKeyLength} bytes, got {secretKey.Length}", nameof(secretKey));
        var scalar = Scalar25519.FromBytes(secretKey[..32], out var canonical);
        if (canonical == 0) throw new ArgumentException("the secret key scalar is not below the group order", nameof(secretKey));
        return new Sr25519Keypair(scalar, secretKey[32..].ToArray());
    }

    /// <summary>The 64-byte canonical secret (key scalar LE ‖ nonce). Handle with care.</summary>
    public byte[] ExportSecretKey()
    {
        var bytes = new byte[SecretKeyLength];
        _key.ToBytes(bytes);
        _nonce.CopyTo(bytes, 32);
        return bytes;
    }

    /// <summary>
    /// Signs with context "substrate" as schnorrkel's sign_simple does. The nonce comes from the
    /// transcript, the nonce seed and 32 bytes of <paramref name="rng"/> (the OS CSPRNG when null;
    /// pass a fixed source only in tests).
    /// </summary>
    public byte[] Sign(ReadOnlySpan<byte> message, RandomNumberGenerator? rng = null)
    {
        var transcript = Sr25519.SigningTranscript(_publicKey, message);
        Span<byte> random = stackalloc byte[32];
        if (rng is null) RandomNumberGenerator.Fill(random);
        else rng.GetBytes(random);
        Span<byte> wide = stackalloc byte[64];
        transcript.WitnessBytes("signing"u8, _nonce, random, wide);
        var r = Scalar25519.FromBytesWide(wide);
        wide.Clear();
        random.Clear();

        var signature = new byte[SignatureLength];
        var commitment = signature.AsSpan(0, 32);
        RistrettoPoint.FromEdwards(EdwardsPoint.MultiplyBase(r)).Encode(commitment);
        transcript.AppendMessage("sign:R"u8, commitment);
        transcript.ChallengeBytes("sign:c"u8, wide);
        var k = Scalar25519.FromBytesWide(wide);
        (k * _key + r).ToBytes(signature.AsSpan(32));
        signature[63] |= 0x80; // schnorrkel's marker: distinguishes from pre-audit signatures
        return signature;
    }

    public override string ToString() => $"sr25519 keypair (public 0x{Convert.ToHexStringLower(_publicKey)})";
}
