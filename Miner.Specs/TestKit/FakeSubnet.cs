using System.Buffers.Binary;
using System.Globalization;
using Miner.Models.Bittensor.Chain;

namespace Miner.Specs.TestKit;

/// <summary>
/// A subnet's metagraph as a subtensor node serves it: the finalized head and its header, and the two runtime-API
/// answers (<c>get_neurons_lite</c>, <c>get_subnet_state</c>) SCALE-encoded from <see cref="FakeNeuron"/>s. Another
/// netuid is an unknown subnet (no neurons, no state). Hand <see cref="Reply"/> to <see cref="FakeSubtensorNode"/>.
/// </summary>
public sealed class FakeSubnet(ushort netuid, ulong blockNumber, IReadOnlyList<FakeNeuron> neurons)
{
    public const string BlockHash = "0xabababababababababababababababababababababababababababababababab";

    public ushort Netuid { get; } = netuid;
    public ulong BlockNumber { get; } = blockNumber;

    public FakeRpcReply Reply(FakeRpcRequest request)
    {
        var ours = request.StringParam(1) == "0x" + Convert.ToHexStringLower(new ScaleWriter().WriteU16(Netuid).ToArray());
        return request.Method switch
        {
            "chain_getFinalizedHead" or "chain_getBlockHash" => FakeRpcReply.String(BlockHash),
            "chain_getHeader" => FakeRpcReply.Result(string.Create(CultureInfo.InvariantCulture, $$"""{"number":"0x{{BlockNumber:x}}"}""")),
            "state_call" when request.StringParam(0) == SubtensorClient.NeuronsLiteMethod => FakeRpcReply.String(Hex(ours ? NeuronsLite() : [0])),
            "state_call" when request.StringParam(0) == SubtensorClient.SubnetStateMethod => FakeRpcReply.String(Hex(ours ? SubnetState() : [0])),
            _ => FakeRpcReply.Failure(-32601, $"method {request.Method} not served by the fake subnet"),
        };
    }

    private byte[] NeuronsLite()
    {
        var w = new ScaleWriter().WriteCompact((uint)neurons.Count);
        for (var uid = 0; uid < neurons.Count; uid++)
        {
            var n = neurons[uid];
            w.WriteFixed(n.Hotkey).WriteFixed(n.Hotkey).WriteCompact((uint)uid).WriteCompact(Netuid).WriteU8(1);
            // axon: block, version, ip, port, ip type, protocol, two placeholders
            WriteU64(w, 1).WriteU32(1);
            WriteU128(w, n.Ip).WriteU16(n.Port).WriteU8(n.Ip <= uint.MaxValue ? (byte)4 : (byte)6).WriteU8(4).WriteU8(0).WriteU8(0);
            // prometheus: block, version, ip, port, ip type
            WriteU64(w, 0).WriteU32(0);
            WriteU128(w, 0).WriteU16(0).WriteU8(0);
            w.WriteCompact(0u); // stake list
            for (var field = 0; field < 8; field++) w.WriteCompact(0u); // rank .. last_update
            w.WriteU8(1).WriteCompact(0u); // validator permit, pruning score
        }
        return w.ToArray();
    }

    private byte[] SubnetState()
    {
        var w = new ScaleWriter().WriteU8(1).WriteCompact(Netuid); // Some(state)
        Keys(w);
        Keys(w);
        Repeat(w, () => w.WriteU8(1)); // active
        Repeat(w, () => w.WriteU8(1)); // validator permit
        for (var vector = 0; vector < 9; vector++) Repeat(w, () => w.WriteCompact(0u)); // pruning score .. block at registration
        Stakes(w); // alpha
        Repeat(w, () => w.WriteCompact(0u)); // tao
        Stakes(w); // total
        w.WriteCompact(0u); // emission history
        return w.ToArray();
    }

    private void Keys(ScaleWriter w)
    {
        w.WriteCompact((uint)neurons.Count);
        foreach (var n in neurons) w.WriteFixed(n.Hotkey);
    }

    private void Stakes(ScaleWriter w)
    {
        w.WriteCompact((uint)neurons.Count);
        foreach (var n in neurons) w.WriteCompact(n.TotalStakeRao);
    }

    private void Repeat(ScaleWriter w, Action element)
    {
        w.WriteCompact((uint)neurons.Count);
        for (var i = 0; i < neurons.Count; i++) element();
    }

    private static ScaleWriter WriteU64(ScaleWriter w, ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        return w.WriteFixed(bytes);
    }

    private static ScaleWriter WriteU128(ScaleWriter w, UInt128 value)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(bytes, value);
        return w.WriteFixed(bytes);
    }

    private static string Hex(byte[] bytes) => "0x" + Convert.ToHexStringLower(bytes);
}
