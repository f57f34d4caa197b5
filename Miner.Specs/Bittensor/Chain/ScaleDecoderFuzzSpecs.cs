using Miner.Models.Bittensor.Chain;
using Miner.Specs.TestKit;
using static Miner.Specs.Bittensor.Chain.ChainFixtures;

namespace Miner.Specs.Bittensor.Chain;

/// <summary>Hostile or damaged node answers must end in a located ScaleDecodeException, never another exception.</summary>
public sealed class ScaleDecoderFuzzSpecs
{
    private delegate object? Decoder(ReadOnlySpan<byte> payload);

    private static readonly Decoder[] AllDecoders =
    [
        p => RuntimeApiDecoders.NeuronsLite(p),
        p => RuntimeApiDecoders.Neurons(p),
        p => RuntimeApiDecoders.NeuronLite(p),
        p => RuntimeApiDecoders.Neuron(p),
        p => RuntimeApiDecoders.SubnetState(p),
        p => RuntimeApiDecoders.NeuronsLite(p, legacyVecWrapped: true),
    ];

    /// <summary>Runs the decoder; returns the exception it threw (null on success), failing on any other type.</summary>
    private static ScaleDecodeException? Outcome(Decoder decode, byte[] input)
    {
        try
        {
            decode(input);
            return null;
        }
        catch (ScaleDecodeException error)
        {
            Assert.InRange(error.Offset, 0, input.Length);
            Assert.Contains($"at offset {error.Offset}", error.Message);
            return error;
        }
        catch (Exception other)
        {
            Assert.Fail($"{other.GetType().Name} for a {input.Length}-byte input: {other.Message}");
            return null;
        }
    }

    private static void EveryTruncationFails(string file, Decoder decoder)
    {
        var bytes = Bytes(file);
        for (var length = 0; length < bytes.Length; length++) Assert.NotNull(Outcome(decoder, bytes[..length]));
    }

    [FixtureFact]
    public void Every_truncation_of_the_tiny_neurons_fixture_fails_with_a_located_error() =>
        EveryTruncationFails(NeuronsTiny, AllDecoders[0]);

    [FixtureFact]
    public void Every_truncation_of_the_tiny_subnet_state_fixture_fails_with_a_located_error() =>
        EveryTruncationFails(SubnetStateTiny, AllDecoders[4]);

    [FixtureFact]
    public void Every_truncation_of_the_full_neuron_fixture_fails_with_a_located_error() =>
        EveryTruncationFails(FullNeuron, AllDecoders[3]);

    [FixtureFact]
    public void Every_truncation_of_the_legacy_fixture_fails_with_a_located_error() =>
        EveryTruncationFails(NeuronsLegacy, AllDecoders[5]);

    [FixtureFact]
    public void Truncations_of_the_large_fixtures_fail_with_located_errors()
    {
        var random = new Random(17);
        foreach (var (file, decoder) in new[] { (NeuronsSn1, AllDecoders[0]), (SubnetStateSn1, AllDecoders[4]) })
        {
            var bytes = Bytes(file);
            for (var i = 0; i < (file == NeuronsSn1 ? 150 : 60); i++)
                Assert.NotNull(Outcome(decoder, bytes[..random.Next(bytes.Length)]));
        }
    }

    [FixtureFact]
    public void A_payload_cut_inside_an_axon_ip_names_that_field()
    {
        // Length checks stop short payloads at the Vec prefix, so cut late: inside neuron 1000's axon ip, which
        // starts 80 bytes into the neuron (two keys, a two-byte uid, netuid, active, axon block and version).
        var bytes = Bytes(NeuronsSn1);
        var start = bytes.AsSpan().IndexOf(Sn1Neurons[1000].Hotkey.ToArray());
        var error = Outcome(AllDecoders[0], bytes[..(start + 80 + 3)]);

        Assert.NotNull(error);
        Assert.Equal($"neurons[1000].axon_info.ip at offset {start + 80}: need 16 bytes, 3 left", error.Message);
    }

    [FixtureFact]
    public void Corrupted_bytes_in_the_fixtures_decode_or_fail_with_located_errors()
    {
        var random = new Random(404);
        foreach (var (file, decoder) in new[]
                 {
                     (NeuronsTiny, AllDecoders[0]), (SubnetStateTiny, AllDecoders[4]), (FullNeuron, AllDecoders[3]),
                     (NeuronsLegacy, AllDecoders[5]), (NeuronsSn1, AllDecoders[0]),
                 })
        {
            var original = Bytes(file);
            for (var i = 0; i < 60; i++)
            {
                var damaged = (byte[])original.Clone();
                for (var flips = random.Next(1, 4); flips > 0; flips--) damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
                Outcome(decoder, damaged);
            }
        }
    }

    [Fact]
    public void Random_bytes_never_escape_as_another_exception_type()
    {
        var random = new Random(1);
        for (var i = 0; i < 3000; i++)
        {
            var input = new byte[random.Next(0, 400)];
            random.NextBytes(input);
            // Bias some inputs towards plausible prefixes so decoding gets past the first byte.
            if (input.Length > 1 && i % 3 == 0) input[0] = (byte)(i % 2 == 0 ? 0x01 : 0x04);
            foreach (var decoder in AllDecoders) Outcome(decoder, input);
        }
    }

    [Fact]
    public void Huge_declared_lengths_fail_fast_in_every_decoder()
    {
        byte[] input = [0x03, 0xff, 0xff, 0xff, 0xff, .. new byte[200]];
        foreach (var decoder in AllDecoders) Assert.NotNull(Outcome(decoder, input));
    }
}
