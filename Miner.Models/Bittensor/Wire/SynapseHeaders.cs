using System.Globalization;
using System.Text;
using Miner.Models.Protocol;

namespace Miner.Models.Bittensor.Wire;

/// <summary>
/// The HTTP headers bittensor's <c>Synapse.to_headers()</c> produces, which both a dendrite request and an axon
/// response carry: <c>name</c>, <c>timeout</c>, <c>bt_header_axon_*</c> and <c>bt_header_dendrite_*</c> for every
/// non-null terminal field, <c>bt_header_input_obj_*</c> for required fields, the two sizes and the body hash.
/// </summary>
public static class SynapseHeaders
{
    public const string Name = "name";
    public const string Timeout = "timeout";
    public const string HeaderSize = "header_size";
    public const string TotalSize = "total_size";
    public const string ComputedBodyHash = "computed_body_hash";
    public const string AxonPrefix = "bt_header_axon_";
    public const string DendritePrefix = "bt_header_dendrite_";
    public const string InputObjectPrefix = "bt_header_input_obj_";

    /// <summary>bittensor 9.9.0 as <c>major*1_000_000 + minor*1_000 + patch</c>.</summary>
    public const long SdkVersion = 9_009_000;

    /// <summary>
    /// SHA3-256 of the empty string: the body hash of every synapse here, since none lists hash fields.
    /// </summary>
    public const string EmptyBodyHash = "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a";

    /// <summary>What CPython 3.11's <c>sys.getsizeof</c> gives for a dendrite's header dict; nobody checks it.</summary>
    public const int PythonHeaderSize = 464;

    /// <summary>Headers in to_headers() order; values are Python's <c>str()</c> of each field.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> For(Synapse synapse)
    {
        ArgumentNullException.ThrowIfNull(synapse);
        var headers = new List<KeyValuePair<string, string>>(24)
        {
            new(Name, synapse.Name),
            new(Timeout, PythonFloat.Repr(synapse.Timeout)),
        };
        AddTerminal(headers, AxonPrefix, synapse.Axon);
        AddTerminal(headers, DendritePrefix, synapse.Dendrite);
        foreach (var field in SynapseCatalog.Of(synapse.GetType()).RequiredFields)
            headers.Add(new(InputObjectPrefix + field.Name, Convert.ToBase64String(Encoding.UTF8.GetBytes(field.EmptyJson))));
        headers.Add(new(HeaderSize, PythonHeaderSize.ToString(CultureInfo.InvariantCulture)));
        headers.Add(new(TotalSize, synapse.TotalSize.ToString(CultureInfo.InvariantCulture)));
        headers.Add(new(ComputedBodyHash, EmptyBodyHash));
        return headers;
    }

    private static void AddTerminal(List<KeyValuePair<string, string>> headers, string prefix, TerminalInfo t)
    {
        void Add(string field, object? value)
        {
            if (value is null) return;
            var text = value switch
            {
                double d => PythonFloat.Repr(d),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString()!,
            };
            headers.Add(new(prefix + field, HeaderSafe(text)));
        }

        Add("status_code", t.StatusCode);
        Add("status_message", t.StatusMessage);
        Add("process_time", t.ProcessTime);
        Add("ip", t.Ip);
        Add("port", t.Port);
        Add("version", t.Version);
        Add("nonce", t.Nonce);
        Add("uuid", t.Uuid);
        Add("hotkey", t.Hotkey);
        Add("signature", t.Signature);
    }

    // A header value cannot carry line breaks or non-ASCII; a message from a handler might.
    private static string HeaderSafe(string text) =>
        text.AsSpan().ContainsAnyExceptInRange((char)0x20, (char)0x7E)
            ? string.Create(text.Length, text, (span, source) =>
            {
                for (var i = 0; i < span.Length; i++) span[i] = source[i] is >= (char)0x20 and <= (char)0x7E ? source[i] : '?';
            })
            : text;
}
