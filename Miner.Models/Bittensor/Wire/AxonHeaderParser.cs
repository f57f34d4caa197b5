using System.Globalization;
using System.Text;
using System.Text.Json;
using Miner.Models.Protocol;

namespace Miner.Models.Bittensor.Wire;

/// <summary>
/// Builds the synapse an axon sees before reading the body (bittensor's <c>Synapse.from_headers</c>): terminals
/// from <c>bt_header_axon_*</c>/<c>bt_header_dendrite_*</c>, sizes, timeout, body hash, and each required field
/// from its base64-JSON <c>bt_header_input_obj_*</c>. Any value that does not parse is a FormatException.
/// </summary>
internal static class AxonHeaderParser
{
    public static Synapse Parse(SynapseCatalog.Entry route, IReadOnlyDictionary<string, string> headers)
    {
        foreach (var field in route.RequiredFields) RequiredInput(headers, field);
        string? Get(string name) => headers.GetValueOrDefault(name);
        return route.CreateEmpty() with
        {
            Timeout = Get(SynapseHeaders.Timeout) is { } timeout ? Float(SynapseHeaders.Timeout, timeout) : 12.0,
            TotalSize = Get(SynapseHeaders.TotalSize) is { } total ? Int(SynapseHeaders.TotalSize, total) : 0,
            HeaderSize = Get(SynapseHeaders.HeaderSize) is { } size ? Int(SynapseHeaders.HeaderSize, size) : 0,
            ComputedBodyHash = Get(SynapseHeaders.ComputedBodyHash) ?? "",
            Axon = Terminal(headers, SynapseHeaders.AxonPrefix),
            Dendrite = Terminal(headers, SynapseHeaders.DendritePrefix),
        };
    }

    private static TerminalInfo Terminal(IReadOnlyDictionary<string, string> headers, string prefix)
    {
        string? Get(string field) => headers.GetValueOrDefault(prefix + field);
        int? SmallInt(string field) => Get(field) is { } v
            ? Int(prefix + field, v) is var n and >= int.MinValue and <= int.MaxValue ? (int)n : throw new FormatException($"{prefix}{field} is out of range")
            : null;
        long? Long(string field) => Get(field) is { } v ? Int(prefix + field, v) : null;
        return new TerminalInfo
        {
            StatusCode = SmallInt("status_code"),
            StatusMessage = Get("status_message"),
            ProcessTime = Get("process_time") is { } time ? Float(prefix + "process_time", time) : null,
            Ip = Get("ip"),
            Port = SmallInt("port"),
            Version = Long("version"),
            Nonce = Long("nonce"),
            Uuid = Get("uuid"),
            Hotkey = Get("hotkey"),
            Signature = Get("signature"),
        };
    }

    // Only presence and type matter: the handler reads the real values from the body.
    private static void RequiredInput(IReadOnlyDictionary<string, string> headers, SynapseCatalog.RequiredField field)
    {
        var name = SynapseHeaders.InputObjectPrefix + field.Name;
        if (!headers.TryGetValue(name, out var encoded)) throw new FormatException($"{name} is missing");
        JsonValueKind kind;
        try
        {
            using var json = JsonDocument.Parse(Convert.FromBase64String(encoded.Trim()));
            kind = json.RootElement.ValueKind;
        }
        catch (Exception error) when (error is FormatException or JsonException or DecoderFallbackException)
        {
            throw new FormatException($"{name} is not base64 of JSON", error);
        }
        var expected = field.EmptyJson.StartsWith('"') ? JsonValueKind.String : JsonValueKind.Number;
        if (kind != expected) throw new FormatException($"{name} holds a {kind}, not a {expected}");
    }

    private static long Int(string name, string value) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
            CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"{name} is not an integer");

    // Python's float() would also take nan and inf; a non-finite timeout would defeat the nonce window.
    private static double Float(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : throw new FormatException($"{name} is not a finite number");
}
