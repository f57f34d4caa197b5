using Miner.Models.Bittensor.Chain;
using Miner.Specs.TestKit;
using static Miner.Specs.Bittensor.Chain.ChainFixtures;

namespace Miner.Specs.Bittensor.Chain;

/// <summary>The typed client against a loopback node replaying the recorded Finney traffic.</summary>
public sealed class SubtensorClientSpecs
{
    private const string FinalizedHash = "0x1111111111111111111111111111111111111111111111111111111111111111";

    /// <summary>A replaying node and a client connected to it, disposed together.</summary>
    private sealed class Chain(FakeSubtensorNode node, SubtensorClient client) : IAsyncDisposable
    {
        public FakeSubtensorNode Node { get; } = node;

        public SubtensorClient Client { get; } = client;

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            await Node.DisposeAsync();
        }
    }

    private static async Task<Chain> StartAsync(Func<FakeRpcRequest, FakeRpcReply> handler, bool legacyRuntime = false)
    {
        var node = await FakeSubtensorNode.StartAsync(handler);
        node.FrameSize = 64 * 1024;
        var rpc = new JsonRpcWebSocketClient(node.Url, JsonRpcWebSocketClientSpecs.FastOptions());
        return new Chain(node, new SubtensorClient(rpc, SubtensorStorageKeysSpecs.WithRecordedDigests(), legacyRuntime));
    }

    [FixtureFact]
    public async Task The_best_block_comes_from_the_best_header_and_its_hash()
    {
        await using var chain = await StartAsync(RecordedExchanges.Load().ReplyOrError);

        var block = await chain.Client.GetBestBlockAsync();

        Assert.Equal(Sn1Block, block);
        Assert.Equal(["chain_getHeader", "chain_getBlockHash"], chain.Node.Requests.Select(r => r.Method));
    }

    [FixtureFact]
    public async Task The_recorded_sn1_metagraph_is_read_at_one_pinned_block()
    {
        await using var chain = await StartAsync(RecordedExchanges.Load().ReplyOrError);

        var metagraph = await chain.Client.GetMetagraphAsync(1, Sn1Block);

        Assert.Equal(1024, metagraph.Neurons.Count);
        Assert.Equal(Sn1Block, metagraph.Block);
        Assert.Equal(58036807815746UL, metagraph.Neurons[24].TotalStakeRao);
        Assert.Equal([245, 447, 496, 502, 518, 697, 993],
            metagraph.EligibleValidators(1000 * Metagraph.RaoPerTao, AxonAddressPolicy.PublicOnly).Select(n => (int)n.Uid));
        Assert.All(chain.Node.Requests, r => Assert.Equal(("0x0100", Sn1Block.Hash), (r.StringParam(1), r.StringParam(2))));
        Assert.Equal([SubtensorClient.NeuronsLiteMethod, SubtensorClient.SubnetStateMethod],
            chain.Node.Requests.Select(r => r.StringParam(0)).Order());
    }

    [FixtureFact]
    public async Task A_registered_hotkey_resolves_to_its_uid_through_the_uids_map()
    {
        await using var chain = await StartAsync(RecordedExchanges.Load().ReplyOrError);

        var uid5 = await chain.Client.GetUidForHotkeyAsync(23, AccountId.FromHex("4af7598952f87683204a2a0c2266f941a74899bd69b0ce56e42a82820f689446"));
        var uid29 = await chain.Client.GetUidForHotkeyAsync(14, AccountId.FromHex("1a33474e4a857009da52aaa4080f176465f99c09763e03b9cd5ee038cec4093e"));

        Assert.Equal((ushort?)5, uid5);
        Assert.Equal((ushort?)29, uid29);
        Assert.All(chain.Node.Requests, r => Assert.Equal("state_getStorage", r.Method));
    }

    [FixtureFact]
    public async Task An_unregistered_hotkey_has_no_uid()
    {
        await using var chain = await StartAsync(_ => FakeRpcReply.Result("null"));

        var uid = await chain.Client.GetUidForHotkeyAsync(14, AccountId.FromHex("4af7598952f87683204a2a0c2266f941a74899bd69b0ce56e42a82820f689446"));

        Assert.Null(uid);
    }

    [Fact]
    public async Task The_registration_check_without_storage_hashers_says_what_is_missing()
    {
        await using var client = new SubtensorClient(new JsonRpcWebSocketClient(new Uri("ws://127.0.0.1:9/"), new SubtensorOptions()));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetUidForHotkeyAsync(17, default));
        Assert.Contains("SubtensorStorageKeys", error.Message);
    }

    [Fact]
    public async Task The_finalized_block_is_the_finalized_head_with_its_header_number()
    {
        await using var chain = await StartAsync(r => r.Method switch
        {
            "chain_getFinalizedHead" => FakeRpcReply.String(FinalizedHash),
            "chain_getHeader" when r.StringParam(0) == FinalizedHash => FakeRpcReply.Result("""{"number":"0x689052"}"""),
            _ => FakeRpcReply.Failure(-32601, "unexpected"),
        });

        Assert.Equal(new BlockRef(FinalizedHash, 6852690), await chain.Client.GetFinalizedBlockAsync());
    }

    [FixtureFact]
    public async Task A_legacy_runtime_answer_is_unwrapped_when_configured()
    {
        await using var chain = await StartAsync(RecordedExchanges.Load().ReplyOrError, legacyRuntime: true);

        var neurons = await chain.Client.GetNeuronsLiteAsync(23, blockHash: null);

        Assert.Equal(19, neurons.Count);
        Assert.Equal(2, Assert.Single(chain.Node.Requests).ParamCount);
    }

    [Fact]
    public async Task An_unknown_subnet_gives_an_empty_metagraph()
    {
        await using var chain = await StartAsync(_ => FakeRpcReply.String("0x00"));

        Assert.Empty((await chain.Client.GetMetagraphAsync(99, Sn1Block)).Neurons);
    }

    [FixtureFact]
    public async Task A_damaged_runtime_answer_surfaces_as_a_located_decode_error()
    {
        var neurons = Text(NeuronsSn1);
        await using var chain = await StartAsync(_ => FakeRpcReply.String(neurons[..^10]));

        var error = await Assert.ThrowsAsync<ScaleDecodeException>(() => chain.Client.GetNeuronsLiteAsync(1, Sn1Block.Hash));
        Assert.StartsWith("neurons[1023]", error.Field);
    }

    [Fact]
    public async Task A_result_that_is_not_hex_is_reported_with_the_method()
    {
        await using var chain = await StartAsync(_ => FakeRpcReply.String("0xzz"));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => chain.Client.GetSubnetStateAsync(1, null));
        Assert.Contains(SubtensorClient.SubnetStateMethod, error.Message);
    }

    [Fact]
    public async Task A_block_hash_that_is_not_32_bytes_of_hex_is_refused_before_sending()
    {
        await using var chain = await StartAsync(_ => FakeRpcReply.String("0x00"));

        await Assert.ThrowsAsync<ArgumentException>(() => chain.Client.GetSubnetStateAsync(1, "0x1234"));
        Assert.Empty(chain.Node.Requests);
    }
}
