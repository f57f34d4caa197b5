namespace Miner.Models.Bittensor.Chain;

/// <summary>
/// Decodes whole <c>state_call</c> results. Every decoder requires the input to be consumed exactly, and accepts
/// the pre-2025 form where the runtime wrapped its answer in a <c>Vec&lt;u8&gt;</c> (tried only when the modern
/// layout fails and the leading length matches the rest of the payload exactly).
/// </summary>
public static class RuntimeApiDecoders
{
    /// <summary><c>NeuronInfoRuntimeApi_get_neurons_lite</c> → <c>Vec&lt;NeuronInfoLite&gt;</c>.</summary>
    public static IReadOnlyList<NeuronInfoLite> NeuronsLite(ReadOnlySpan<byte> payload) =>
        Decode(payload, "neurons", static (ref ScaleReader r) =>
            r.ReadVec("neurons", NeuronInfoLite.MinEncodedLength, NeuronInfoLite.Read));

    /// <summary><c>NeuronInfoRuntimeApi_get_neurons</c> → <c>Vec&lt;NeuronInfo&gt;</c>.</summary>
    public static IReadOnlyList<NeuronInfo> Neurons(ReadOnlySpan<byte> payload) =>
        Decode(payload, "neurons", static (ref ScaleReader r) =>
            r.ReadVec("neurons", NeuronInfo.MinEncodedLength, NeuronInfo.Read));

    /// <summary><c>NeuronInfoRuntimeApi_get_neuron_lite</c> → <c>Option&lt;NeuronInfoLite&gt;</c>.</summary>
    public static NeuronInfoLite? NeuronLite(ReadOnlySpan<byte> payload) =>
        Decode(payload, "neuron", static (ref ScaleReader r) => ReadOption(ref r, "neuron", NeuronInfoLite.Read));

    /// <summary><c>NeuronInfoRuntimeApi_get_neuron</c> → <c>Option&lt;NeuronInfo&gt;</c>.</summary>
    public static NeuronInfo? Neuron(ReadOnlySpan<byte> payload) =>
        Decode(payload, "neuron", static (ref ScaleReader r) => ReadOption(ref r, "neuron", NeuronInfo.Read));

    /// <summary><c>SubnetInfoRuntimeApi_get_subnet_state</c> → <c>Option&lt;SubnetState&gt;</c>; null for an unknown subnet.</summary>
    public static SubnetState? SubnetState(ReadOnlySpan<byte> payload) =>
        Decode(payload, "subnet_state", static (ref ScaleReader r) =>
            ReadOption(ref r, "subnet_state", Chain.SubnetState.Read));

    private static T? ReadOption<T>(ref ScaleReader reader, string field, ScaleRead<T> read) where T : class
    {
        if (!reader.ReadOptionTag(field)) return null;
        reader.Enter(field);
        var value = read(ref reader);
        reader.Leave();
        return value;
    }

    private static T Decode<T>(ReadOnlySpan<byte> payload, string what, ScaleRead<T> read)
    {
        try
        {
            return DecodeExact(payload, 0, what, read);
        }
        catch (ScaleDecodeException) when (LegacyPrefixLength(payload) is int prefix and > 0)
        {
            return DecodeExact(payload[prefix..], prefix, what, read);
        }
    }

    private static T DecodeExact<T>(ReadOnlySpan<byte> bytes, int baseOffset, string what, ScaleRead<T> read)
    {
        var reader = new ScaleReader(bytes, baseOffset);
        var value = read(ref reader);
        reader.ExpectEnd(what);
        return value;
    }

    /// <summary>Length of the compact prefix when it declares exactly the rest of the payload, else 0.</summary>
    private static int LegacyPrefixLength(ReadOnlySpan<byte> payload)
    {
        try
        {
            var reader = new ScaleReader(payload);
            var declared = reader.ReadCompact("legacy_length");
            return declared > 0 && declared == (UInt128)reader.Remaining ? reader.Offset : 0;
        }
        catch (ScaleDecodeException)
        {
            return 0;
        }
    }
}
