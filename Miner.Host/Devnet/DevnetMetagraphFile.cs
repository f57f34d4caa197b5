using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Miner.Models.Bittensor.Keys;
using Miner.Models.Files;

namespace Miner.Host.Devnet;

/// <summary>
/// The devnet metagraph as a JSON file, for the miner's metagraph reader in devnet mode:
/// <code>
/// { "netuid": 17,
///   "validators": [ { "uid": 0, "hotkey": "5F...", "stake": 10000.0, "ip": "127.0.0.1", "port": 40123, "serving": true } ],
///   "miners": [ { "uid": 4, "hotkey": "5G..." } ] }
/// </code>
/// <c>miners</c> is optional (absent: none); `miner run --metagraph.file` finds its uid there.
/// <c>stake</c> is S in TAO; <c>ip</c> an IPv4/IPv6 literal; <c>serving</c> false means the axon is not to be called.
/// Unknown keys are ignored. Reading is strict: a missing or mistyped field, a bad SS58 hotkey or address, a port
/// outside 1..65535 or a duplicate uid is an error naming the file and the field.
/// </summary>
public static class DevnetMetagraphFile
{
    /// <summary>Largest file read: a devnet has at most 64 validators.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Writes through a temporary file and a rename, so a reader never sees half a file.</summary>
    public static void Write(string path, DevnetMetagraph metagraph)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(metagraph);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        OutputFile.WriteAllBytes(path, Serialize(metagraph));
    }

    public static byte[] Serialize(DevnetMetagraph metagraph)
    {
        ArgumentNullException.ThrowIfNull(metagraph);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("netuid", metagraph.Netuid);
            json.WriteStartArray("validators");
            foreach (var v in metagraph.Validators)
            {
                json.WriteStartObject();
                json.WriteNumber("uid", v.Uid);
                json.WriteString("hotkey", v.Hotkey);
                json.WriteNumber("stake", v.Stake);
                json.WriteString("ip", v.Ip);
                json.WriteNumber("port", v.Port);
                json.WriteBoolean("serving", v.Serving);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            // Only when there are any: files of `miner devnet`, which lists no miner, stay as they were.
            if (metagraph.Miners.Count > 0)
            {
                json.WriteStartArray("miners");
                foreach (var m in metagraph.Miners)
                {
                    json.WriteStartObject();
                    json.WriteNumber("uid", m.Uid);
                    json.WriteString("hotkey", m.Hotkey);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <exception cref="FormatException">The file is not a devnet metagraph; the message names the file and field.</exception>
    public static DevnetMetagraph Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            bytes = InputFile.ReadAllBytes(path, MaxBytes, "devnet metagraph");
        }
        catch (FileRefusedException error) when (error.TooLarge)
        {
            throw new FormatException(error.Message, error);
        }
        return Parse(bytes, path);
    }

    /// <exception cref="FormatException">Not a devnet metagraph; the message names <paramref name="source"/> and the field.</exception>
    public static DevnetMetagraph Parse(ReadOnlySpan<byte> utf8, string source = "metagraph")
    {
        if (utf8.Length > MaxBytes) throw new FormatException($"{source}: {utf8.Length} bytes, more than a devnet metagraph's {MaxBytes}");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException error)
        {
            throw new FormatException($"{source}: not JSON ({error.Message})", error);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new FormatException($"{source}: expected an object at the top");
            var netuid = Integer(root, "netuid", source, 0, ushort.MaxValue);
            if (!root.TryGetProperty("validators", out var list) || list.ValueKind != JsonValueKind.Array)
                throw new FormatException($"{source}: validators: expected an array");
            var validators = new List<DevnetMetagraphValidator>();
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var at = $"validators[{index++}]";
                if (item.ValueKind != JsonValueKind.Object) throw new FormatException($"{source}: {at}: expected an object");
                var uid = Integer(item, "uid", $"{source}: {at}", 0, ushort.MaxValue);
                var hotkey = Text(item, "hotkey", $"{source}: {at}");
                if (!Ss58.TryDecode(hotkey, out _)) throw new FormatException($"{source}: {at}.hotkey: '{Shorten(hotkey)}' is not an SS58 address");
                if (!item.TryGetProperty("stake", out var stakeElement) || stakeElement.ValueKind != JsonValueKind.Number
                    || !stakeElement.TryGetDouble(out var stake) || !double.IsFinite(stake) || stake < 0)
                    throw new FormatException($"{source}: {at}.stake: expected a non-negative number");
                var ip = Text(item, "ip", $"{source}: {at}");
                if (!IPAddress.TryParse(ip, out _)) throw new FormatException($"{source}: {at}.ip: '{Shorten(ip)}' is not an IP address");
                var port = Integer(item, "port", $"{source}: {at}", 1, ushort.MaxValue);
                if (!item.TryGetProperty("serving", out var serving) || serving.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    throw new FormatException($"{source}: {at}.serving: expected true or false");
                if (validators.Any(v => v.Uid == uid)) throw new FormatException($"{source}: {at}.uid: uid {uid} appears twice");
                validators.Add(new DevnetMetagraphValidator(uid, hotkey, stake, ip, port, serving.GetBoolean()));
            }
            return new DevnetMetagraph(netuid, validators) { Miners = ParseMiners(root, source, validators) };
        }
    }

    private static List<DevnetMetagraphMiner> ParseMiners(JsonElement root, string source, List<DevnetMetagraphValidator> validators)
    {
        var miners = new List<DevnetMetagraphMiner>();
        if (!root.TryGetProperty("miners", out var list)) return miners;
        if (list.ValueKind != JsonValueKind.Array) throw new FormatException($"{source}: miners: expected an array");
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var at = $"miners[{index++}]";
            if (item.ValueKind != JsonValueKind.Object) throw new FormatException($"{source}: {at}: expected an object");
            var uid = Integer(item, "uid", $"{source}: {at}", 0, ushort.MaxValue);
            var hotkey = Text(item, "hotkey", $"{source}: {at}");
            if (!Ss58.TryDecode(hotkey, out _)) throw new FormatException($"{source}: {at}.hotkey: '{Shorten(hotkey)}' is not an SS58 address");
            if (validators.Any(v => v.Uid == uid) || miners.Any(m => m.Uid == uid))
                throw new FormatException($"{source}: {at}.uid: uid {uid} appears twice");
            if (miners.Any(m => m.Hotkey == hotkey)) throw new FormatException($"{source}: {at}.hotkey: {hotkey} appears twice");
            miners.Add(new DevnetMetagraphMiner(uid, hotkey));
        }
        return miners;
    }

    private static int Integer(JsonElement owner, string name, string where, int min, int max)
    {
        if (!owner.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var value))
            throw new FormatException($"{where}.{name}: expected an integer");
        if (value < min || value > max)
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{where}.{name}: {value} is outside {min}..{max}"));
        return value;
    }

    private static string Text(JsonElement owner, string name, string where)
    {
        if (!owner.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.String)
            throw new FormatException($"{where}.{name}: expected a string");
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException error) // System.Text.Json validates UTF-8 inside strings only when reading them
        {
            throw new FormatException($"{where}.{name}: the string is not valid UTF-8", error);
        }
    }

    private static string Shorten(string value)
    {
        var builder = new StringBuilder();
        foreach (var c in value.Take(64)) builder.Append(char.IsControl(c) ? '?' : c);
        return value.Length > 64 ? builder + "…" : builder.ToString();
    }
}
