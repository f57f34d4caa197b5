using System.Net;
using System.Text.Json;
using Miner.Models.Bittensor.Chain;
using Miner.Models.Bittensor.Keys;
using Miner.Models.Bittensor.Wire;
using Miner.Models.Files;

namespace Miner.Actors.Mining.Metagraph;

/// <summary>
/// The validator set from a JSON file, for the devnet and tests. Format (every field required):
/// <code>
/// { "netuid": 17,
///   "neurons": [ { "uid": 0, "hotkey": "5F…", "ip": "127.0.0.1", "port": 9001, "stake": 12000.5 } ] }
/// </code>
/// <c>ip</c> "0.0.0.0" means not serving; <c>stake</c> is S in TAO units. The address policy applies as for the
/// chain. Errors name the file and the field (<c>neurons[3].port</c>); the file is re-read at every sync.
/// </summary>
public sealed class MetagraphFileSource(string path, AxonAddressPolicy policy) : IValidatorSetSource
{
    /// <summary>A metagraph file larger than this is refused rather than read.</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    public string Description => $"file {path}";

    public async Task<IReadOnlyList<ValidatorCandidate>> LoadAsync(CancellationToken cancellation)
    {
        if (!FileStatus.Of(path).Exists) throw new InvalidDataException($"{path}: metagraph file not found");
        byte[] bytes;
        try
        {
            // off the actor's thread: the read is synchronous, bounded while reading, and refuses FIFOs and devices
            bytes = await Task.Run(() => InputFile.ReadAllBytes(path, MaxBytes, "metagraph file"), cancellation).ConfigureAwait(false);
        }
        catch (FileRefusedException error)
        {
            throw new InvalidDataException(error.Message, error);
        }
        return Parse(bytes, path, policy);
    }

    public static IReadOnlyList<ValidatorCandidate> Parse(ReadOnlySpan<byte> json, string name, AxonAddressPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (System.Text.Unicode.Utf8.IsValid(json) is false)
            throw new InvalidDataException($"{name}: not UTF-8 text (invalid byte sequence)");
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 16 });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{name}: not JSON (line {error.LineNumber + 1}, byte {error.BytePositionInLine}): {error.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Error(name, "(root)", "expected an object");
            if (!root.TryGetProperty("neurons", out var neurons) || neurons.ValueKind != JsonValueKind.Array)
                throw Error(name, "neurons", "expected an array");
            var candidates = new List<ValidatorCandidate>();
            var uids = new HashSet<int>();
            var hotkeys = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var neuron in neurons.EnumerateArray())
            {
                var at = $"neurons[{index++}]";
                if (neuron.ValueKind != JsonValueKind.Object) throw Error(name, at, "expected an object");
                var uid = Int(neuron, name, at, "uid", 0, ushort.MaxValue);
                var hotkey = Str(neuron, name, at, "hotkey");
                if (!Ss58.TryDecode(hotkey, out _)) throw Error(name, at + ".hotkey", $"'{Shorten(hotkey)}' is not an SS58 address");
                var ipText = Str(neuron, name, at, "ip");
                if (!IPAddress.TryParse(ipText, out var ip)) throw Error(name, at + ".ip", $"'{Shorten(ipText)}' is not an IP address");
                var port = Int(neuron, name, at, "port", 0, ushort.MaxValue);
                var stake = Num(neuron, name, at, "stake");
                if (!uids.Add(uid)) throw Error(name, at + ".uid", $"uid {uid} appears twice");
                if (!hotkeys.Add(hotkey)) throw Error(name, at + ".hotkey", $"hotkey {hotkey} holds two uids");
                string? notServing = null;
                string? kind = null;
                if (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)) notServing = "axon is not serving (ip 0)";
                else if (port == 0) notServing = "axon port is 0";
                else if (policy.Evaluate(ip) is { Allowed: false } verdict) (notServing, kind) = (verdict.Reason, verdict.RefusalKind);
                candidates.Add(new ValidatorCandidate(uid, hotkey, notServing is null ? new AxonTarget(ip, port, hotkey) : null, stake, notServing, kind));
            }
            return candidates;
        }
    }

    private static InvalidDataException Error(string name, string field, string message) => new($"{name}: {field}: {message}");

    private static JsonElement Field(JsonElement obj, string name, string at, string field) =>
        obj.TryGetProperty(field, out var value) ? value : throw Error(name, $"{at}.{field}", "missing");

    private static int Int(JsonElement obj, string name, string at, string field, int min, int max)
    {
        var value = Field(obj, name, at, field);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var n)) throw Error(name, $"{at}.{field}", "expected an integer");
        if (n < min || n > max) throw Error(name, $"{at}.{field}", $"{n} is outside {min}..{max}");
        return n;
    }

    private static double Num(JsonElement obj, string name, string at, string field)
    {
        var value = Field(obj, name, at, field);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var n) || !double.IsFinite(n))
            throw Error(name, $"{at}.{field}", "expected a finite number");
        if (n < 0) throw Error(name, $"{at}.{field}", "must not be negative");
        return n;
    }

    private static string Str(JsonElement obj, string name, string at, string field)
    {
        var value = Field(obj, name, at, field);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Error(name, $"{at}.{field}", "expected a string");
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
