using System.Text;
using Miner.Models.Protocol;
using static Miner.Specs.Protocol.ProtocolSamples;

namespace Miner.Specs.Protocol;

public sealed class ProtocolJsonReadSpecs
{
    [Fact]
    public void A_validators_pull_answer_gives_the_task_and_throttle_period()
    {
        var pull = ProtocolJson.Deserialize<PullTask>(Utf8(PullAnswer));
        Assert.Equal(ProtocolTask.Text("0b7e6f0e-3c8a-4b5e-9d1a-2f4c6e8a0b1c", "a red apple"), pull.Task);
        Assert.Equal((0.6, 30L, 0L, 0L), (pull.ValidationThreshold, pull.ThrottlePeriod, pull.CooldownUntil, pull.CooldownViolations));
    }

    [Fact]
    public void A_validators_pull_answer_gives_both_terminals()
    {
        var pull = ProtocolJson.Deserialize<PullTask>(Utf8(PullAnswer));
        Assert.Equal((200, "Success", 0.004713296890258789, 8091), (pull.Axon.StatusCode, pull.Axon.StatusMessage, pull.Axon.ProcessTime, pull.Axon.Port));
        Assert.Equal((1735689600000000000L, 9009000L), (pull.Dendrite.Nonce, pull.Dendrite.Version));
    }

    [Fact]
    public void A_validators_submit_answer_gives_the_feedback_and_cooldown()
    {
        var submit = ProtocolJson.Deserialize<SubmitResults>(Utf8(SubmitAnswer));
        var expected = new Feedback
        {
            TaskFidelityScore = 0.83, AverageFidelityScore = 0.91, GenerationsWithinTheWindow = 37, CurrentDuelRating = 1512.5, CurrentMinerReward = 55962.5,
        };
        Assert.Equal(expected, submit.Feedback);
        Assert.Equal(1735689870, submit.CooldownUntil);
    }

    [Fact]
    public void An_empty_object_reads_as_the_defaults()
    {
        Assert.Equal(new PullTask(), ProtocolJson.Deserialize<PullTask>(Utf8("{}")));
    }

    [Fact]
    public void An_image_task_reads_with_its_base64_prompt()
    {
        var pull = ProtocolJson.Deserialize<PullTask>(Utf8("""{"task": {"type": "image", "id": "i1", "prompt": "iVBORw0KGgo="}}"""));
        Assert.Equal(ProtocolTask.Image("i1", "iVBORw0KGgo="), pull.Task);
    }

    [Fact]
    public void A_task_without_an_id_gets_a_fresh_uuid_as_the_subnets_model_does()
    {
        var pull = ProtocolJson.Deserialize<PullTask>(Utf8("""{"task": {"type": "text", "prompt": "a chair"}}"""));
        Assert.True(Guid.TryParse(pull.Task!.Id, out _));
    }

    [Fact]
    public void Unknown_fields_are_ignored()
    {
        Assert.Equal(30, ProtocolJson.Deserialize<PullTask>(Utf8("""{"surprise": [1, {"x": null}], "throttle_period": 30}""")).ThrottlePeriod);
    }

    [Fact]
    public void The_last_of_duplicate_keys_wins_as_in_python()
    {
        Assert.Equal(2, ProtocolJson.Deserialize<PullTask>(Utf8("""{"throttle_period": 1, "throttle_period": 2}""")).ThrottlePeriod);
    }

    [Fact]
    public void Null_base_fields_read_as_their_defaults_because_bittensor_declares_them_optional()
    {
        var pull = ProtocolJson.Deserialize<PullTask>(Utf8("""{"name": null, "timeout": null, "dendrite": null, "computed_body_hash": null}"""));
        Assert.Equal((12.0, TerminalInfo.Empty, ""), (pull.Timeout, pull.Dendrite, pull.ComputedBodyHash));
    }

    [Fact]
    public void A_null_subnet_field_that_is_not_optional_is_refused_by_name()
    {
        AssertRefused<PullTask>("""{"throttle_period": null}""", "$.throttle_period", "must not be null");
    }

    [Fact]
    public void A_submission_without_results_is_refused_naming_the_required_field()
    {
        AssertRefused<SubmitResults>("""{"submit_time": 1, "signature": ""}""", "$.results", "required field is missing");
    }

    [Fact]
    public void A_string_where_a_number_belongs_is_refused_naming_the_field()
    {
        AssertRefused<PullTask>("""{"validation_threshold": "0.6"}""", "$.validation_threshold", "expected a number, got a string");
    }

    [Fact]
    public void A_wrong_type_inside_a_terminal_is_located_in_it()
    {
        AssertRefused<PullTask>("""{"axon": {"port": "8091"}}""", "$.axon.port", "expected an integer, got a string");
    }

    [Fact]
    public void A_wrong_type_inside_the_feedback_is_located_in_it()
    {
        AssertRefused<SubmitResults>("""{"results": "", "submit_time": 0, "signature": "", "feedback": {"validation_failed": 0}}""",
            "$.feedback.validation_failed", "expected true or false, got a number");
    }

    [Fact]
    public void An_unknown_task_type_is_refused_naming_it()
    {
        AssertRefused<PullTask>("""{"task": {"type": "video", "id": "v"}}""", "$.task.type", "expected \"text\" or \"image\", got \"video\"");
    }

    [Fact]
    public void A_nanosecond_submit_time_reads_exactly()
    {
        var submit = ProtocolJson.Deserialize<SubmitResults>(Utf8("""{"results": "", "submit_time": 1735689660000000001, "signature": ""}"""));
        Assert.Equal(1735689660000000001, submit.SubmitTime);
    }

    [Fact]
    public void An_integer_written_with_a_zero_fraction_is_accepted_as_pydantic_does()
    {
        Assert.Equal(30, ProtocolJson.Deserialize<PullTask>(Utf8("""{"throttle_period": 30.0}""")).ThrottlePeriod);
    }

    [Fact]
    public void A_fractional_integer_is_refused()
    {
        AssertRefused<PullTask>("""{"cooldown_until": 1.5}""", "$.cooldown_until", "expected a 64-bit integer, got 1.5");
    }

    [Fact]
    public void An_integer_beyond_64_bits_is_refused()
    {
        AssertRefused<PullTask>("""{"cooldown_until": 99999999999999999999}""", "$.cooldown_until", "expected a 64-bit integer, got 99999999999999999999");
    }

    [Fact]
    public void A_float_beyond_double_range_is_refused()
    {
        AssertRefused<PullTask>("""{"validation_threshold": 1e999}""", "$.validation_threshold", "1e999 is out of range");
    }

    [Fact]
    public void A_document_that_is_not_an_object_is_refused_at_the_root()
    {
        AssertRefused<PullTask>("[1, 2]", "$", "expected an object, got an array");
    }

    [Fact]
    public void Malformed_json_is_refused_at_the_root_with_its_position()
    {
        var error = Assert.Throws<ProtocolFormatException>(() => ProtocolJson.Deserialize<PullTask>(Utf8("""{"task": nul}""")));
        Assert.Equal(("$", true), (error.Path, error.IsMalformedJson));
        Assert.StartsWith("malformed JSON", error.Problem);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_refused_as_malformed()
    {
        var error = Assert.Throws<ProtocolFormatException>(() => ProtocolJson.Deserialize<PullTask>(new byte[] { (byte)'{', (byte)'"', 0xff, (byte)'"', (byte)':', (byte)'1', (byte)'}' }));
        Assert.True(error.IsMalformedJson);
    }

    [Fact]
    public void Nesting_deeper_than_a_synapse_needs_is_refused()
    {
        var nested = "{\"task\": " + new string('[', 100) + new string(']', 100) + "}";
        Assert.True(Assert.Throws<ProtocolFormatException>(() => ProtocolJson.Deserialize<PullTask>(Utf8(nested))).IsMalformedJson);
    }

    [Fact]
    public void A_body_over_the_cap_is_refused_before_parsing()
    {
        var error = Assert.Throws<ProtocolFormatException>(() => ProtocolJson.Deserialize<PullTask>(new byte[5000], maxBytes: 4096));
        Assert.Equal("$: 5000 bytes exceed the limit of 4096 bytes", error.Message);
    }

    [Fact]
    public void Reading_by_route_name_gives_that_synapse()
    {
        Assert.IsType<GetVersion>(ProtocolJson.Deserialize("GetVersion", Utf8("""{"version": 45}""")));
    }

    [Fact]
    public void The_route_names_are_listed_as_an_axon_lists_them()
    {
        Assert.Equal(["Synapse", "PullTask", "SubmitResults", "GetVersion"], ProtocolJson.SynapseNames);
    }

    private static void AssertRefused<T>(string json, string path, string problem) where T : Synapse
    {
        var error = Assert.Throws<ProtocolFormatException>(() => ProtocolJson.Deserialize<T>(Encoding.UTF8.GetBytes(json)));
        Assert.Equal((path, problem, false), (error.Path, error.Problem, error.IsMalformedJson));
    }
}
