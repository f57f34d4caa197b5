using Miner.Models.Bittensor.Crypto;

namespace Miner.Specs.Bittensor;

public sealed class Sr25519TamperingSpecs
{
    private readonly Random _random = new(17);
    private readonly Sr25519Keypair _signer;
    private readonly byte[] _message;
    private readonly byte[] _signature;

    public Sr25519TamperingSpecs()
    {
        _signer = Sr25519Keypair.FromMiniSecret(RandomBytes(32));
        _message = RandomBytes(24);
        _signature = _signer.Sign(_message);
    }

    [Fact]
    public void Random_keys_sign_random_messages_that_verify()
    {
        for (var i = 0; i < 20; i++)
        {
            var keypair = Sr25519Keypair.FromMiniSecret(RandomBytes(32));
            var message = RandomBytes(_random.Next(0, 300));
            Assert.True(Sr25519.Verify(keypair.PublicKey, message, keypair.Sign(message)));
        }
    }

    [Fact]
    public void A_keypair_reloaded_from_its_exported_secret_key_makes_signatures_that_verify()
    {
        var reloaded = Sr25519Keypair.FromSecretKey(_signer.ExportSecretKey());
        Assert.Equal(_signer.PublicKey, reloaded.PublicKey);
        Assert.True(Sr25519.Verify(_signer.PublicKey, _message, reloaded.Sign(_message)));
    }

    [Fact]
    public void A_signature_over_a_flipped_message_bit_does_not_verify()
    {
        var accepted = FlippedBitsThatVerify(_message.Length, bit => Sr25519.Verify(_signer.PublicKey, Flip(_message, bit), _signature));
        Assert.Empty(accepted);
    }

    [Fact]
    public void A_signature_with_any_bit_flipped_does_not_verify()
    {
        var accepted = FlippedBitsThatVerify(_signature.Length, bit => Sr25519.Verify(_signer.PublicKey, _message, Flip(_signature, bit)));
        Assert.Empty(accepted);
    }

    [Fact]
    public void A_signature_checked_against_a_public_key_with_any_bit_flipped_does_not_verify()
    {
        var accepted = FlippedBitsThatVerify(32, bit => Sr25519.Verify(Flip(_signer.PublicKey, bit), _message, _signature));
        Assert.Empty(accepted);
    }

    [Fact]
    public void A_signature_by_another_key_does_not_verify()
    {
        var other = Sr25519Keypair.FromMiniSecret(RandomBytes(32));
        Assert.False(Sr25519.Verify(_signer.PublicKey, _message, other.Sign(_message)));
    }

    [Fact]
    public void A_message_with_a_byte_appended_does_not_verify()
    {
        Assert.False(Sr25519.Verify(_signer.PublicKey, [.. _message, 0], _signature));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(65)]
    public void A_signature_of_the_wrong_length_does_not_verify(int length)
    {
        var signature = new byte[length];
        _signature.AsSpan(0, Math.Min(length, 64)).CopyTo(signature);
        Assert.False(Sr25519.Verify(_signer.PublicKey, _message, signature));
    }

    [Fact]
    public void A_public_key_of_the_wrong_length_does_not_verify()
    {
        Assert.False(Sr25519.Verify(_signer.PublicKey[..31], _message, _signature));
    }

    [Fact]
    public void A_signature_whose_s_is_not_below_the_group_order_does_not_verify()
    {
        // s + l encodes the same residue; schnorrkel refuses it as non-canonical.
        var tampered = (byte[])_signature.Clone();
        var s = new System.Numerics.BigInteger(tampered.AsSpan(32, 32), isUnsigned: true) & ((System.Numerics.BigInteger.One << 255) - 1);
        var order = System.Numerics.BigInteger.Pow(2, 252) + System.Numerics.BigInteger.Parse("27742317777372353535851937790883648493");
        (s + order).TryWriteBytes(tampered.AsSpan(32, 32), out _, isUnsigned: true);
        tampered[63] |= 0x80;
        Assert.False(Sr25519.Verify(_signer.PublicKey, _message, tampered));
    }

    private static List<int> FlippedBitsThatVerify(int byteCount, Func<int, bool> verifies) =>
        Enumerable.Range(0, 8 * byteCount).Where(verifies).ToList();

    private static byte[] Flip(byte[] data, int bit)
    {
        var copy = (byte[])data.Clone();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }
}
