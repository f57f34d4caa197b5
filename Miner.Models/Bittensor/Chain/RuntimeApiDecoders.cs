namespace Miner.Models.Bittensor.Chain;

/// <summary>
/// Decodes whole <c>state_call</c> results, requiring the input to be consumed exactly. Current runtimes return
/// the typed value; runtimes before 2025-02 wrapped it in a <c>Vec&lt;u8&gt;</c>, which is decoded only when the
/// caller says so (<c>legacyVecWrapped</c>): guessing from the bytes can mistake a damaged modern answer for a
/// valid legacy one.
/// </summary>
public static class RuntimeApiDecoders
{
    /// <summary><c>NeuronInfoRuntimeApi_get_neurons_lite</c> → <c>Vec&lt;NeuronInfoLite&gt;</c>.</summary>
    public static IReadOnlyList<NeuronInfoLite> NeuronsLite(ReadOnlySpan<byte> payload, bool legacyVecWrapped = false) =>
        Decode(payload, legacyVecWrapped, "neurons", static (ref ScaleReader r) =>
            r.ReadVec("neurons", NeuronInfoLite.MinEncodedLength, NeuronInfoLite.Read));

    /// <summary><c>NeuronInfoRuntimeApi_get_neurons</c> → <c>Vec&lt;NeuronInfo&gt;</c>.</summary>
    public static IReadOnlyList<NeuronInfo> Neurons(ReadOnlySpan<byte> payload, bool legacyVecWrapped = false) =>
        Decode(payload, legacyVecWrapped, "neurons", static (ref ScaleReader r) =>
            r.ReadVec("neurons", NeuronInfo.MinEncodedLength, NeuronInfo.Read));

    /// <summary><c>NeuronInfoRuntimeApi_get_neuron_lite</c> → <c>Option&lt;NeuronInfoLite&gt;</c>.</summary>
    public static NeuronInfoLite? NeuronLite(ReadOnlySpan<byte> payload, bool legacyVecWrapped = false) =>
        Decode(payload, legacyVecWrapped, "neuron", static (ref ScaleReader r) => ReadOption(ref r, "neuron", NeuronInfoLite.Read));

    /// <summary><c>NeuronInfoRuntimeApi_get_neuron</c> → <c>Option&lt;NeuronInfo&gt;</c>.</summary>
    public static NeuronInfo? Neuron(ReadOnlySpan<byte> payload, bool legacyVecWrapped = false) =>
        Decode(payload, legacyVecWrapped, "neuron", static (ref ScaleReader r) => ReadOption(ref r, "neuron", NeuronInfo.Read));

    /// <summary><c>SubnetInfoRuntimeApi_get_subnet_state</c> → <c>Option&lt;SubnetState&gt;</c>; null for an unknown subnet.</summary>
    public static SubnetState? SubnetState(ReadOnlySpan<byte> payload, bool legacyVecWrapped = false) =>
        Decode(payload, legacyVecWrapped, "subnet_state", static (ref ScaleReader r) =>
            ReadOption(ref r, "subnet_state", Chain.SubnetState.Read));

    private static T? ReadOption<T>(ref ScaleReader reader, string field, ScaleRead<T> read) where T : class
    {
        if (!reader.ReadOptionTag(field)) return null;
        reader.Enter(field);
        var value = read(ref reader);
        reader.Leave();
        return value;
    }

    private static T Decode<T>(ReadOnlySpan<byte> payload, bool legacyVecWrapped, string what, ScaleRead<T> read)
    {
        var reader = new ScaleReader(payload);
        if (legacyVecWrapped)
        {
            var declared = reader.ReadCompact("legacy_bytes");
            if (declared != (UInt128)reader.Remaining)
                throw reader.Error("legacy_bytes", $"wrapper declares {declared} bytes, {reader.Remaining} follow");
        }
        var value = read(ref reader);
        reader.ExpectEnd(what);
        return value;
    }
}
