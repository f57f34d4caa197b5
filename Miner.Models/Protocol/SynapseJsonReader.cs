using System.Text.Json;
using System.Text.Unicode;

namespace Miner.Models.Protocol;

/// <summary>Reads synapse JSON from a peer; every failure is a <see cref="ProtocolFormatException"/> naming the field.</summary>
internal static class SynapseJsonReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = ProtocolJson.MaxDepth,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    public static Synapse Read(SynapseCatalog.Entry entry, ReadOnlyMemory<byte> utf8, int maxBytes)
    {
        if (utf8.Length > maxBytes) throw new ProtocolFormatException("$", $"{utf8.Length} bytes exceed the limit of {maxBytes} bytes");
        if (!Utf8.IsValid(utf8.Span)) throw new ProtocolFormatException("$", "the body is not UTF-8 text", malformedAt: 0);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException error)
        {
            throw new ProtocolFormatException("$", $"malformed JSON: {error.Message}", error, error.BytePositionInLine ?? 0);
        }
        using (document)
        {
            var root = new JsonFields(document.RootElement, "$");
            return entry.Name switch
            {
                PingSynapse.SynapseName => WithBase(new PingSynapse(), root),
                PullTask.SynapseName => WithBase(ReadPullTask(root), root),
                SubmitResults.SynapseName => WithBase(ReadSubmitResults(root), root),
                GetVersion.SynapseName => WithBase(ReadGetVersion(root), root),
                _ => throw new ArgumentException($"no reader for {entry.Name}", nameof(entry)),
            };
        }
    }

    private static Synapse WithBase(Synapse synapse, JsonFields root)
    {
        root.NullableString("name"); // type-checked only: the route, not the body, says what the synapse is
        return synapse with
        {
            Timeout = root.Double("timeout", 12.0, nullIsDefault: true),
            TotalSize = root.Long("total_size", 0, nullIsDefault: true),
            HeaderSize = root.Long("header_size", 0, nullIsDefault: true),
            Dendrite = ReadTerminal(root.Object("dendrite")),
            Axon = ReadTerminal(root.Object("axon")),
            ComputedBodyHash = root.String("computed_body_hash", "", nullIsDefault: true),
        };
    }

    private static TerminalInfo ReadTerminal(JsonFields? fields)
    {
        if (fields is not { } f) return TerminalInfo.Empty;
        return new TerminalInfo
        {
            StatusCode = f.NullableInt("status_code"),
            StatusMessage = f.NullableString("status_message"),
            ProcessTime = f.NullableDouble("process_time"),
            Ip = f.NullableString("ip"),
            Port = f.NullableInt("port"),
            Version = f.NullableLong("version"),
            Nonce = f.NullableLong("nonce"),
            Uuid = f.NullableString("uuid"),
            Hotkey = f.NullableString("hotkey"),
            Signature = f.NullableString("signature"),
        };
    }

    private static PullTask ReadPullTask(JsonFields f) => new()
    {
        Task = ReadTask(f.Object("task")),
        ValidationThreshold = f.Double("validation_threshold", 0.6),
        ThrottlePeriod = f.Long("throttle_period", 0),
        CooldownUntil = f.Long("cooldown_until", 0),
        CooldownViolations = f.Long("cooldown_violations", 0),
    };

    private static SubmitResults ReadSubmitResults(JsonFields f) => new()
    {
        Task = ReadTask(f.Object("task")),
        TaskId = f.String("task_id", ""),
        Results = f.RequiredString("results"),
        DataFormat = f.String("data_format", SubmitResults.PlyFormat),
        DataVer = f.Long("data_ver", 0),
        Compression = f.Long("compression", SubmitResults.SpzCompression),
        SubmitTime = f.RequiredLong("submit_time"),
        Signature = f.RequiredString("signature"),
        Feedback = ReadFeedback(f.Object("feedback")),
        CooldownUntil = f.Long("cooldown_until", 0),
    };

    private static GetVersion ReadGetVersion(JsonFields f) => new()
    {
        Version = f.Long("version", 0),
        ValidationVersion = f.String("validation_version", ""),
    };

    private static ProtocolTask? ReadTask(JsonFields? fields)
    {
        if (fields is not { } f) return null;
        var kind = f.RequiredString("type") switch
        {
            "text" => TaskKind.Text,
            "image" => TaskKind.Image,
            var other => throw new ProtocolFormatException(f.At("type"), $"expected \"text\" or \"image\", got \"{Clip(other)}\""),
        };
        // The subnet's model defaults a missing id to a fresh uuid4.
        return new ProtocolTask(kind, f.String("id", Guid.NewGuid().ToString()), f.String("prompt", ""));
    }

    private static Feedback? ReadFeedback(JsonFields? fields)
    {
        if (fields is not { } f) return null;
        return new Feedback
        {
            ValidationFailed = f.Bool("validation_failed", false),
            TaskFidelityScore = f.Double("task_fidelity_score", 0),
            AverageFidelityScore = f.Double("average_fidelity_score", 0),
            GenerationsWithinTheWindow = f.Long("generations_within_the_window", 0),
            CurrentDuelRating = f.Double("current_duel_rating", 0),
            CurrentMinerReward = f.Double("current_miner_reward", 0),
        };
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
