using System.Text;
using Miner.Models.Protocol;
using static Miner.Specs.Protocol.ProtocolSamples;

namespace Miner.Specs.Protocol;

public sealed class ProtocolJsonWriteSpecs
{
    private const string EmptyTerminal =
        """{"status_code": null, "status_message": null, "process_time": null, "ip": null, "port": null, "version": null, "nonce": null, "uuid": null, "hotkey": null, "signature": null}""";

    [Fact]
    public void A_submission_writes_every_field_in_declaration_order_with_nulls()
    {
        var submit = new SubmitResults { TaskId = "t1", Results = "AAEC", SubmitTime = 1735689660000000000, Signature = "c2ln" };
        Assert.Equal(
            $$"""{"name": "SubmitResults", "timeout": 12.0, "total_size": 0, "header_size": 0, "dendrite": {{EmptyTerminal}}, "axon": {{EmptyTerminal}}, "computed_body_hash": "", "task": null, "task_id": "t1", "results": "AAEC", "data_format": "ply", "data_ver": 0, "compression": 2, "submit_time": 1735689660000000000, "signature": "c2ln", "feedback": null, "cooldown_until": 0}""",
            Text(submit));
    }

    [Fact]
    public void Get_version_writes_its_two_fields_after_the_base_fields()
    {
        Assert.EndsWith("""
            "computed_body_hash": "", "version": 45, "validation_version": "2.3.0"}
            """, Text(new GetVersion { Version = 45, ValidationVersion = "2.3.0" }));
    }

    [Fact]
    public void The_base_synapse_writes_only_the_base_fields()
    {
        Assert.EndsWith("""
            "axon": {"status_code": null, "status_message": null, "process_time": null, "ip": null, "port": null, "version": null, "nonce": null, "uuid": null, "hotkey": null, "signature": null}, "computed_body_hash": ""}
            """, Text(new PingSynapse()));
    }

    [Fact]
    public void Feedback_writes_the_subnets_field_names()
    {
        var submit = new SubmitResults
        {
            Results = "", SubmitTime = 0, Signature = "",
            Feedback = new Feedback { ValidationFailed = true, TaskFidelityScore = 0.5, AverageFidelityScore = 1, GenerationsWithinTheWindow = 3, CurrentDuelRating = 1500, CurrentMinerReward = 4500 },
        };
        Assert.Contains("""
            "feedback": {"validation_failed": true, "task_fidelity_score": 0.5, "average_fidelity_score": 1.0, "generations_within_the_window": 3, "current_duel_rating": 1500.0, "current_miner_reward": 4500.0}
            """, Text(submit));
    }

    [Fact]
    public void A_task_writes_type_id_and_prompt()
    {
        Assert.Contains("""
            "task": {"type": "image", "id": "i1", "prompt": "iVBORw0KGgo="}
            """, Text(new PullTask { Task = ProtocolTask.Image("i1", "iVBORw0KGgo=") }));
    }

    [Theory]
    [InlineData(12.0, "12.0")]
    [InlineData(300.0, "300.0")]
    [InlineData(0.6, "0.6")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1.5e-7, "1.5e-07")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1.2345e300, "1.2345e+300")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(0.004713296890258789, "0.004713296890258789")]
    public void Floats_are_written_as_pythons_repr(double value, string expected)
    {
        Assert.Contains($"\"validation_threshold\": {expected}, ", Text(new PullTask { ValidationThreshold = value }));
    }

    [Fact]
    public void A_non_finite_float_cannot_be_written()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProtocolJson.Serialize(new PullTask { ValidationThreshold = double.NaN }));
    }

    [Fact]
    public void A_request_escapes_non_ascii_as_json_dumps_does()
    {
        Assert.Contains("""
            "prompt": "caf\u00e9 \ud83c\udf4e \"q\" \\ \n\t\u0001\u007f"
            """, Text(new PullTask { Task = ProtocolTask.Text("t", "café 🍎 \"q\" \\ \n\t\u0001\u007f") }));
    }

    [Fact]
    public void A_response_keeps_utf8_and_uses_compact_separators()
    {
        var text = Encoding.UTF8.GetString(ProtocolJson.Serialize(new PullTask { Task = ProtocolTask.Text("t", "café 🍎 \n\u007f") }, ProtocolJsonStyle.Response));
        Assert.Contains("\"task\":{\"type\":\"text\",\"id\":\"t\",\"prompt\":\"café 🍎 \\n\u007f\"},\"validation_threshold\":0.6,", text);
    }

    [Theory]
    [InlineData(ProtocolJsonStyle.Request)]
    [InlineData(ProtocolJsonStyle.Response)]
    public void Every_synapse_reads_back_as_written(ProtocolJsonStyle style)
    {
        Synapse[] synapses =
        [
            ProtocolJson.Deserialize<PullTask>(Utf8(PullAnswer)),
            ProtocolJson.Deserialize<SubmitResults>(Utf8(SubmitAnswer)),
            new GetVersion { Version = 45, ValidationVersion = "ünïcode" },
            new PingSynapse { Timeout = 0.1 + 0.2, TotalSize = long.MaxValue },
        ];
        foreach (var synapse in synapses)
            Assert.Equal(synapse, ProtocolJson.Deserialize(synapse.Name, ProtocolJson.Serialize(synapse, style)));
    }

    [Fact]
    public void A_validators_answer_is_rewritten_byte_for_byte_in_the_response_style()
    {
        var answer = ProtocolJson.Deserialize<PullTask>(Utf8(PullAnswer));
        Assert.Equal(PullAnswer, Encoding.UTF8.GetString(ProtocolJson.Serialize(answer, ProtocolJsonStyle.Response)));
    }

    [Fact]
    public void A_submission_prints_without_its_results()
    {
        var text = new SubmitResults { TaskId = "t1", Results = new string('A', 100_000), SubmitTime = 1, Signature = "s" }.ToString();
        Assert.Contains("Results = 100000 base64 chars", text);
        Assert.True(text.Length < 500);
    }

    private static string Text(Synapse synapse) => Encoding.UTF8.GetString(ProtocolJson.Serialize(synapse));
}
