using System.Globalization;
using System.Text.Json;

namespace Miner.Models.Bittensor.Chain;

/// <summary>
/// The subtensor reads a miner needs: pin a block, read the metagraph of a subnet at it (neurons and subnet
/// state, both at the same block hash), and check a hotkey's registration through the <c>Uids</c> map.
/// </summary>
public sealed class SubtensorClient : IAsyncDisposable
{
    public const string NeuronsLiteMethod = "NeuronInfoRuntimeApi_get_neurons_lite";
    public const string SubnetStateMethod = "SubnetInfoRuntimeApi_get_subnet_state";

    private readonly SubtensorStorageKeys? _storageKeys;
    private readonly bool _legacyRuntime;

    /// <param name="rpc">The connection; owned (disposed) by this client.</param>
    /// <param name="storageKeys">Needed only for <see cref="GetUidForHotkeyAsync"/>.</param>
    /// <param name="legacyRuntime">Runtime-API answers come wrapped in <c>Vec&lt;u8&gt;</c> (runtimes before 2025-02).</param>
    public SubtensorClient(JsonRpcWebSocketClient rpc, SubtensorStorageKeys? storageKeys = null, bool legacyRuntime = false)
    {
        Rpc = rpc ?? throw new ArgumentNullException(nameof(rpc));
        _storageKeys = storageKeys;
        _legacyRuntime = legacyRuntime;
    }

    /// <summary>A client for the endpoint the options name (connects on first use).</summary>
    public static SubtensorClient Create(SubtensorOptions options, SubtensorStorageKeys? storageKeys = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = SubtensorEndpoint.Resolve(options.Network, options.ChainEndpoint);
        return new SubtensorClient(new JsonRpcWebSocketClient(endpoint, options, time), storageKeys, options.LegacyRuntime);
    }

    public JsonRpcWebSocketClient Rpc { get; }

    /// <summary>The last finalized block: <c>chain_getFinalizedHead</c>, then its header for the number.</summary>
    public async Task<BlockRef> GetFinalizedBlockAsync(CancellationToken cancellation = default)
    {
        var hash = ReadBlockHash(await Rpc.CallAsync("chain_getFinalizedHead", [], cancellation).ConfigureAwait(false), "chain_getFinalizedHead");
        return new BlockRef(hash, await GetBlockNumberAsync(hash, cancellation).ConfigureAwait(false));
    }

    /// <summary>The best block, as bittensor 9.9 picks it: <c>chain_getHeader [null]</c>, then <c>chain_getBlockHash</c>.</summary>
    public async Task<BlockRef> GetBestBlockAsync(CancellationToken cancellation = default)
    {
        var number = await GetBlockNumberAsync(null, cancellation).ConfigureAwait(false);
        return new BlockRef(await GetBlockHashAsync(number, cancellation).ConfigureAwait(false), number);
    }

    public async Task<string> GetBlockHashAsync(ulong number, CancellationToken cancellation = default) =>
        ReadBlockHash(await Rpc.CallAsync("chain_getBlockHash", [number], cancellation).ConfigureAwait(false), "chain_getBlockHash");

    /// <summary>The number of the block with <paramref name="blockHash"/>, or of the best block when null.</summary>
    public async Task<ulong> GetBlockNumberAsync(string? blockHash, CancellationToken cancellation = default)
    {
        var header = await Rpc.CallAsync("chain_getHeader", [blockHash], cancellation).ConfigureAwait(false);
        if (header.ValueKind == JsonValueKind.Object && header.TryGetProperty("number", out var n) && n.ValueKind == JsonValueKind.String
            && n.GetString() is { Length: > 2 and <= 18 } text && text.StartsWith("0x", StringComparison.Ordinal)
            && ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var number))
            return number;
        throw new InvalidDataException($"chain_getHeader: no hex block number in {Abbreviate(header)}");
    }

    /// <summary>The runtime's <c>specVersion</c>, worth logging: a decode failure after an upgrade points at layout drift.</summary>
    public async Task<uint> GetSpecVersionAsync(string? blockHash = null, CancellationToken cancellation = default)
    {
        var version = await Rpc.CallAsync("state_getRuntimeVersion", [blockHash], cancellation).ConfigureAwait(false);
        if (version.ValueKind == JsonValueKind.Object && version.TryGetProperty("specVersion", out var spec) && spec.TryGetUInt32(out var value))
            return value;
        throw new InvalidDataException($"state_getRuntimeVersion: no specVersion in {Abbreviate(version)}");
    }

    /// <summary><c>state_call</c> of a runtime API with SCALE-encoded arguments; the block hash is omitted when null (best block).</summary>
    public async Task<byte[]> StateCallAsync(string method, byte[] arguments, string? blockHash, CancellationToken cancellation = default)
    {
        object?[] parameters = blockHash is null
            ? [method, ToHex(arguments)]
            : [method, ToHex(arguments), CheckedBlockHash(blockHash)];
        var result = await Rpc.CallAsync("state_call", parameters, cancellation).ConfigureAwait(false);
        return FromHex(result, method) ?? throw new InvalidDataException($"state_call {method}: the node returned null");
    }

    /// <summary>A raw storage value, or null when the key is absent.</summary>
    public async Task<byte[]?> GetStorageAsync(byte[] key, string? blockHash, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var result = await Rpc.CallAsync("state_getStorage", [ToHex(key), blockHash is null ? null : CheckedBlockHash(blockHash)], cancellation)
            .ConfigureAwait(false);
        return FromHex(result, "state_getStorage");
    }

    public async Task<IReadOnlyList<NeuronInfoLite>> GetNeuronsLiteAsync(ushort netuid, string? blockHash, CancellationToken cancellation = default) =>
        RuntimeApiDecoders.NeuronsLite(await StateCallAsync(NeuronsLiteMethod, NetuidArgument(netuid), blockHash, cancellation).ConfigureAwait(false), _legacyRuntime);

    public async Task<SubnetState?> GetSubnetStateAsync(ushort netuid, string? blockHash, CancellationToken cancellation = default) =>
        RuntimeApiDecoders.SubnetState(await StateCallAsync(SubnetStateMethod, NetuidArgument(netuid), blockHash, cancellation).ConfigureAwait(false), _legacyRuntime);

    /// <summary>
    /// The metagraph of <paramref name="netuid"/> at <paramref name="block"/>: both runtime calls in flight at once,
    /// pinned to the same hash. Throws (ScaleDecodeException, InvalidDataException…) rather than return a
    /// metagraph that is partly wrong; keep the previous one when it does.
    /// </summary>
    public async Task<Metagraph> GetMetagraphAsync(ushort netuid, BlockRef block, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(block);
        var neurons = GetNeuronsLiteAsync(netuid, block.Hash, cancellation);
        var state = GetSubnetStateAsync(netuid, block.Hash, cancellation);
        await Task.WhenAll(neurons, state).ConfigureAwait(false);
        return Metagraph.Build(netuid, block, await neurons.ConfigureAwait(false), await state.ConfigureAwait(false));
    }

    /// <summary>
    /// The uid of <paramref name="hotkey"/> on <paramref name="netuid"/> from storage <c>SubtensorModule.Uids</c>,
    /// or null when it is not registered there.
    /// </summary>
    public async Task<ushort?> GetUidForHotkeyAsync(ushort netuid, AccountId hotkey, string? blockHash = null, CancellationToken cancellation = default)
    {
        if (_storageKeys is null) throw new InvalidOperationException("the registration check needs storage hashers: pass SubtensorStorageKeys to the client");
        var value = await GetStorageAsync(_storageKeys.Uids(netuid, hotkey), blockHash, cancellation).ConfigureAwait(false);
        if (value is null) return null;
        var reader = new ScaleReader(value);
        var uid = reader.ReadU16("uid");
        reader.ExpectEnd("uid");
        return uid;
    }

    public ValueTask DisposeAsync() => Rpc.DisposeAsync();

    private static byte[] NetuidArgument(ushort netuid) => new ScaleWriter().WriteU16(netuid).ToArray();

    private static string ToHex(byte[] bytes) => "0x" + Convert.ToHexStringLower(bytes);

    private static byte[]? FromHex(JsonElement result, string what)
    {
        if (result.ValueKind == JsonValueKind.Null) return null;
        if (result.ValueKind == JsonValueKind.String && result.GetString() is { } text && text.StartsWith("0x", StringComparison.Ordinal)
            && text.Length % 2 == 0)
        {
            try
            {
                return Convert.FromHexString(text.AsSpan(2));
            }
            catch (FormatException)
            {
                // reported below
            }
        }
        throw new InvalidDataException($"{what}: expected 0x-prefixed hex, got {Abbreviate(result)}");
    }

    private static string ReadBlockHash(JsonElement result, string what)
    {
        var bytes = FromHex(result, what);
        return bytes is { Length: 32 } ? result.GetString()! : throw new InvalidDataException($"{what}: expected a 32-byte block hash, got {Abbreviate(result)}");
    }

    private static string CheckedBlockHash(string hash)
    {
        var valid = hash.Length == 66 && hash.StartsWith("0x", StringComparison.Ordinal) && !hash.AsSpan(2).ContainsAnyExcept("0123456789abcdefABCDEF");
        return valid ? hash : throw new ArgumentException($"not a block hash (0x + 64 hex digits): {hash}");
    }

    private static string Abbreviate(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 80 ? text : text[..80] + "…";
    }
}
