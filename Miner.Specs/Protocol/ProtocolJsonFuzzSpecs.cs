using System.Text;
using Miner.Models.Protocol;
using static Miner.Specs.Protocol.ProtocolSamples;

namespace Miner.Specs.Protocol;

/// <summary>Hostile synapse JSON gives a located ProtocolFormatException and never another exception type.</summary>
public sealed class ProtocolJsonFuzzSpecs
{
    private static readonly byte[] Pull = Encoding.UTF8.GetBytes(PullAnswer);
    private static readonly byte[] Submit = Encoding.UTF8.GetBytes(SubmitAnswer);

    [Fact]
    public void Every_truncation_of_a_validator_answer_is_malformed_json_located_at_the_root()
    {
        foreach (var sample in new[] { Pull, Submit })
        {
            for (var length = 0; length < sample.Length; length++)
            {
                var error = Assert.IsType<ProtocolFormatException>(Record.Exception(() => ProtocolJson.Deserialize("SubmitResults", sample.AsMemory(0, length))));
                Assert.True(error.IsMalformedJson, $"length {length}: {error.Message}");
            }
        }
    }

    [Fact]
    public void Random_bytes_give_protocol_format_errors_only()
    {
        var random = new Random(17);
        for (var i = 0; i < 3000; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            var name = ProtocolJson.SynapseNames[i % ProtocolJson.SynapseNames.Count];
            Assert.IsType<ProtocolFormatException>(Record.Exception(() => ProtocolJson.Deserialize(name, bytes)));
        }
    }

    [Fact]
    public void Random_byte_changes_to_an_answer_give_a_synapse_or_a_protocol_format_error()
    {
        var random = new Random(23);
        for (var i = 0; i < 3000; i++)
        {
            var bytes = (byte[])(i % 2 == 0 ? Pull : Submit).Clone();
            for (var n = random.Next(1, 4); n > 0; n--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            var outcome = Record.Exception(() => ProtocolJson.Deserialize(i % 2 == 0 ? "PullTask" : "SubmitResults", bytes));
            Assert.True(outcome is null or ProtocolFormatException, outcome?.ToString());
        }
    }

    [Fact]
    public void Json_token_soup_gives_protocol_format_errors_only()
    {
        var random = new Random(29);
        string[] pieces =
        [
            "{", "}", "[", "]", ":", ",", "\"task\"", "\"type\"", "\"image\"", "\"results\"", "\"feedback\"", "\"dendrite\"", "\"port\"",
            "null", "true", "1e999", "-0", "1.5", "9223372036854775808", "\"\\ud800\"", "\"\\u0000\"", " ",
        ];
        for (var i = 0; i < 3000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 16)).Select(_ => pieces[random.Next(pieces.Length)]));
            var outcome = Record.Exception(() => ProtocolJson.Deserialize("SubmitResults", Encoding.UTF8.GetBytes(text)));
            Assert.True(outcome is null or ProtocolFormatException, $"{text}: {outcome}");
        }
    }

    [Fact]
    public void A_value_of_the_wrong_type_in_any_field_is_located_at_that_field()
    {
        string[] values = ["\"x\"", "[]", "{}", "true", "1.5", "-1", "null", "1e400"];
        foreach (var (name, json) in new[] { ("PullTask", PullAnswer), ("SubmitResults", SubmitAnswer) })
        {
            foreach (var (path, span) in ValueSpans(json))
            {
                foreach (var value in values)
                {
                    var mutated = json[..span.Start] + value + json[span.End..];
                    var outcome = Record.Exception(() => ProtocolJson.Deserialize(name, Encoding.UTF8.GetBytes(mutated)));
                    if (outcome is null) continue;
                    var error = Assert.IsType<ProtocolFormatException>(outcome);
                    Assert.True(error.Path.StartsWith(path, StringComparison.Ordinal), $"{path} = {value}: {error.Message}");
                }
            }
        }
    }

    // The path and character span of every scalar value in a (compact) sample document.
    private static List<(string Path, Range Span)> ValueSpans(string json)
    {
        var spans = new List<(string Path, Range Span)>();
        var reader = new System.Text.Json.Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        var path = new Stack<string>();
        string? property = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case System.Text.Json.JsonTokenType.PropertyName:
                    property = reader.GetString();
                    break;
                case System.Text.Json.JsonTokenType.StartObject:
                    path.Push(property ?? "$");
                    property = null;
                    break;
                case System.Text.Json.JsonTokenType.EndObject:
                    path.Pop();
                    break;
                default:
                    var start = (int)reader.TokenStartIndex;
                    var length = reader.ValueSpan.Length + (reader.TokenType == System.Text.Json.JsonTokenType.String ? 2 : 0);
                    spans.Add((string.Join('.', path.Reverse()) + "." + property, start..(start + length)));
                    break;
            }
        }
        return spans;
    }
}
