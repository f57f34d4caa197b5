using Miner.Actors.Storage;

namespace Miner.Specs.Persistence;

/// <summary>JSON with stable manifests; every malformed input is an <see cref="EventSerializationException"/>.</summary>
public sealed class EventSerializerSpec
{
    private static EventSerializer Serializer()
    {
        var serializer = new EventSerializer();
        serializer.Register<ItemRecorded>("spec.item-recorded.v1");
        serializer.Register<LedgerSnapshot>("spec.ledger-snapshot.v1");
        return serializer;
    }

    [Fact]
    public void An_event_round_trips_through_its_manifest()
    {
        var (manifest, payload) = Serializer().Serialize(new ItemRecorded("a"));
        Assert.Equal(("spec.item-recorded.v1", """{"item":"a"}"""), (manifest, payload));
        Assert.Equal(new ItemRecorded("a"), Serializer().Deserialize(manifest, payload));
    }

    [Fact]
    public void The_manifest_not_the_clr_name_selects_the_type()
    {
        var renamed = new EventSerializer();
        renamed.Register<LedgerSnapshot>("spec.item-recorded.v1"); // the same stored name, now bound to another type
        Assert.IsType<LedgerSnapshot>(renamed.Deserialize("spec.item-recorded.v1", """{"items":["x"]}"""));
    }

    [Fact]
    public void An_unknown_manifest_is_named_with_the_registered_ones()
    {
        var error = Assert.Throws<EventSerializationException>(() => Serializer().Deserialize("spec.gone.v1", "{}"));
        Assert.Contains("unknown manifest 'spec.gone.v1'", error.Message);
        Assert.Contains("spec.item-recorded.v1", error.Message);
    }

    [Fact]
    public void An_unregistered_type_cannot_be_serialised()
    {
        var error = Assert.Throws<EventSerializationException>(() => Serializer().Serialize(new NotRegistered("x")));
        Assert.Contains("NotRegistered has no registered manifest", error.Message);
    }

    [Fact]
    public void One_manifest_cannot_name_two_types()
    {
        var serializer = Serializer();
        Assert.Throws<ArgumentException>(() => serializer.Register<NotRegistered>("spec.item-recorded.v1"));
        Assert.Throws<ArgumentException>(() => serializer.Register<ItemRecorded>("spec.other.v1"));
    }

    [Fact]
    public void Malformed_json_reports_the_manifest_and_the_position()
    {
        var error = Assert.Throws<EventSerializationException>(() => Serializer().Deserialize("spec.item-recorded.v1", "{\n  \"item\": }"));
        Assert.Contains("'spec.item-recorded.v1' is not valid JSON for ItemRecorded at line 2", error.Message);
    }

    [Fact]
    public void A_json_null_payload_is_refused()
    {
        Assert.Throws<EventSerializationException>(() => Serializer().Deserialize("spec.item-recorded.v1", "null"));
    }

    [Fact]
    public void Every_truncation_of_a_payload_fails_only_with_a_serialization_error_or_reads()
    {
        var payload = """{"items":["ünï","b\"q",""," x "]}""";
        for (var length = 0; length < payload.Length; length++)
        {
            var truncated = payload[..length];
            var outcome = Xunit.Record.Exception(() => Serializer().Deserialize("spec.ledger-snapshot.v1", truncated));
            Assert.True(outcome is null or EventSerializationException, $"length {length}: {outcome?.GetType().Name}: {outcome?.Message}");
        }
    }

    [Fact]
    public void Random_payloads_fail_only_with_a_serialization_error_or_read()
    {
        var random = new Random(404);
        const string alphabet = "{}[]\":,0123456789.eE+-truefalsnl \\u\n\t\"itemsü";
        for (var i = 0; i < 5000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var manifest = random.Next(2) == 0 ? "spec.item-recorded.v1" : "spec.ledger-snapshot.v1";
            var outcome = Xunit.Record.Exception(() => Serializer().Deserialize(manifest, text));
            Assert.True(outcome is null or EventSerializationException, $"input {text}: {outcome?.GetType().Name}: {outcome?.Message}");
        }
    }
}

public sealed record ItemRecorded(string Item);

public sealed record LedgerSnapshot(string[] Items);

public sealed record NotRegistered(string Item);
