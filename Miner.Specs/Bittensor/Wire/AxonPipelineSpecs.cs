using System.Text;
using System.Text.Json;
using Miner.Models.Bittensor.Wire;
using Miner.Models.Protocol;
using Miner.Specs.TestKit;
using static Miner.Specs.Bittensor.Wire.WireSamples;

namespace Miner.Specs.Bittensor.Wire;

/// <summary>Routing, header parsing, blacklist, body checks and answers of the axon pipeline, without a server.</summary>
public sealed class AxonPipelineSpecs : IDisposable
{
    private static readonly ProtocolTask Apple = ProtocolTask.Text("t1", "a red apple");
    private readonly ManualTimeProvider _time = new(ManualTimeProvider.NewYear2025);
    private readonly Dendrite _alice;

    public AxonPipelineSpecs() => _alice = AliceDendrite(_time);

    public void Dispose() => _alice.Dispose();

    [Fact]
    public async Task A_verified_pull_reaches_the_handler_and_answers_200_with_the_returned_synapse()
    {
        var response = await Axon().HandleAsync(Pull());
        Assert.Equal(200, response.StatusCode);
        Assert.Equal(Apple, ProtocolJson.Deserialize<PullTask>(response.Body).Task);
    }

    [Fact]
    public async Task The_handler_sees_the_hotkeys_from_the_body()
    {
        PullTask? seen = null;
        var axon = new AxonPipeline(KnownKeys.BobSs58, new AxonOptions(), _time).Attach<PullTask>((pull, _) =>
        {
            seen = pull;
            return ValueTask.FromResult(pull);
        });
        await axon.HandleAsync(Pull());
        Assert.Equal((KnownKeys.AliceSs58, KnownKeys.BobSs58), (seen!.Dendrite.Hotkey, seen.Axon.Hotkey));
    }

    [Fact]
    public async Task A_success_stamps_status_200_success_and_the_process_time_on_the_axon_terminal()
    {
        var axon = new AxonPipeline(KnownKeys.BobSs58, new AxonOptions(), _time).Attach<PullTask>((pull, _) =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(250));
            return ValueTask.FromResult(pull);
        });
        var answer = ProtocolJson.Deserialize<PullTask>((await axon.HandleAsync(Pull())).Body);
        Assert.Equal((200, "Success", 0.25), (answer.Axon.StatusCode, answer.Axon.StatusMessage, answer.Axon.ProcessTime));
    }

    [Fact]
    public async Task A_success_carries_the_answers_synapse_headers()
    {
        var response = await Axon().HandleAsync(Pull());
        Assert.Equal(("PullTask", "200", "Success", KnownKeys.AliceSs58),
            (response.Header("name"), response.Header("bt_header_axon_status_code"), response.Header("bt_header_axon_status_message"),
                response.Header("bt_header_dendrite_hotkey")));
    }

    [Fact]
    public async Task A_success_body_is_compact_json_as_fastapi_writes_it()
    {
        var text = (await Axon().HandleAsync(Pull())).Text();
        Assert.StartsWith("""{"name":"PullTask","timeout":12.0,""", text);
        Assert.Contains(""","task":{"type":"text","id":"t1","prompt":"a red apple"},"validation_threshold":0.6,""", text);
    }

    [Fact]
    public async Task Every_axon_answers_the_base_synapse()
    {
        var request = AxonRequests.From(_alice.Prepare(new PingSynapse(), Bob, TimeSpan.FromSeconds(12)));
        Assert.Equal(200, (await new AxonPipeline(KnownKeys.BobSs58, new AxonOptions(), _time).HandleAsync(request)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_synapse_is_404_listing_the_available_ones()
    {
        var request = AxonRequests.From(_alice.Prepare(new GetVersion(), Bob, TimeSpan.FromSeconds(12)));
        var response = await Axon().HandleAsync(request);
        Assert.Equal(404, response.StatusCode);
        Assert.Equal("Synapse name 'GetVersion' not found. Available synapses ['Synapse', 'PullTask', 'SubmitResults']", response.Message());
        Assert.Equal(("Synapse", "404"), (response.Header("name"), response.Header("bt_header_axon_status_code")));
    }

    [Fact]
    public async Task A_submission_without_its_input_object_headers_is_400_improperly_formatted()
    {
        var request = Submit().WithoutHeaders("bt_header_input_obj_");
        var response = await Axon().HandleAsync(request);
        Assert.Equal(400, response.StatusCode);
        Assert.StartsWith("Improperly formatted request. Could not parse headers Headers({'name': 'SubmitResults', 'timeout': '300.0', ", response.Message());
        Assert.EndsWith("'content-type': 'application/json'}) into synapse of type SubmitResults.", response.Message());
    }

    [Fact]
    public async Task An_input_object_header_of_the_wrong_type_is_400()
    {
        var response = await Axon().HandleAsync(Submit().WithHeader("bt_header_input_obj_submit_time", "IiI="));
        Assert.Equal(400, response.StatusCode);
    }

    [Fact]
    public async Task A_nonce_header_that_is_not_an_integer_is_400()
    {
        Assert.Equal(400, (await Axon().HandleAsync(Pull().WithHeader("bt_header_dendrite_nonce", "soon"))).StatusCode);
    }

    [Fact]
    public async Task A_timeout_header_that_is_not_a_finite_number_is_400()
    {
        Assert.Equal(400, (await Axon().HandleAsync(Pull().WithHeader("timeout", "nan"))).StatusCode);
    }

    [Fact]
    public async Task A_blacklisted_caller_is_403_with_the_hooks_reason()
    {
        var response = await Axon().HandleAsync(Submit());
        Assert.Equal(403, response.StatusCode);
        Assert.Equal($"Forbidden. Key is blacklisted: Unrecognized hotkey {KnownKeys.AliceSs58} ({MinerIp}).", response.Message());
    }

    [Fact]
    public async Task The_blacklist_runs_before_verification()
    {
        var response = await Axon().HandleAsync(Submit().WithHeader("bt_header_dendrite_signature", "0x00"));
        Assert.Equal(403, response.StatusCode);
    }

    [Fact]
    public async Task A_blacklist_hook_that_throws_is_a_500_carrying_the_exception()
    {
        var axon = new AxonPipeline(KnownKeys.BobSs58, new AxonOptions(), _time)
            .Attach<PullTask>((pull, _) => ValueTask.FromResult(pull), _ => throw new InvalidOperationException("metagraph not loaded"));
        var response = await axon.HandleAsync(Pull());
        Assert.Equal(500, response.StatusCode);
        Assert.IsType<InvalidOperationException>(response.Error);
    }

    [Fact]
    public async Task A_malformed_json_body_is_422_with_fastapis_detail_and_no_synapse_headers()
    {
        var response = await Axon().HandleAsync(Pull() with { Body = Encoding.UTF8.GetBytes("{\"name\": ") });
        Assert.Equal(422, response.StatusCode);
        Assert.StartsWith("""{"detail":[{"type":"json_invalid","loc":["body",""", response.Text());
        Assert.Empty(response.Headers);
    }

    [Fact]
    public async Task A_body_that_is_not_declared_json_is_422()
    {
        var response = await Axon().HandleAsync(Pull().WithHeader("content-type", "text/plain"));
        Assert.Equal(422, response.StatusCode);
        Assert.Contains("model_attributes_type", response.Text());
    }

    [Fact]
    public async Task Json_that_breaks_the_synapse_model_is_a_500_with_an_error_id()
    {
        var response = await Axon().HandleAsync(Pull() with { Body = Encoding.UTF8.GetBytes("""{"validation_threshold": "high"}""") });
        Assert.Equal(500, response.StatusCode);
        Assert.Matches("^Internal Server Error #[0-9a-f-]{36}$", response.Message());
        Assert.Equal("$.validation_threshold", Assert.IsType<ProtocolFormatException>(response.Error).Path);
    }

    [Fact]
    public async Task A_body_hash_header_other_than_the_empty_hash_is_a_500()
    {
        const string hash = "00";
        var request = Pull().WithHeader("computed_body_hash", hash).SignedAs(Alice, $"{Nonce}.{KnownKeys.AliceSs58}.{KnownKeys.BobSs58}.{Uuid}.{hash}");
        var response = await Axon().HandleAsync(request);
        Assert.Equal(500, response.StatusCode);
        Assert.IsType<FormatException>(response.Error);
    }

    [Fact]
    public async Task A_handler_that_throws_is_a_500_carrying_the_exception()
    {
        var axon = new AxonPipeline(KnownKeys.BobSs58, new AxonOptions(), _time)
            .Attach<PullTask>((_, _) => throw new InvalidOperationException("no tasks"));
        var response = await axon.HandleAsync(Pull());
        Assert.Equal(500, response.StatusCode);
        Assert.Equal("no tasks", response.Error!.Message);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_before_anything_else()
    {
        var axon = Axon(new AxonOptions { MaxRequestBytes = 4096 });
        var response = await axon.HandleAsync(Pull() with { Body = new byte[4097], Path = "/Nowhere" });
        Assert.Equal(413, response.StatusCode);
        Assert.Equal("Request body of 4097 bytes exceeds the limit of 4096 bytes", response.Message());
    }

    [Fact]
    public async Task Get_is_served_like_post()
    {
        Assert.Equal(200, (await Axon().HandleAsync(Pull() with { Method = "GET" })).StatusCode);
    }

    [Fact]
    public async Task Other_methods_are_405_after_verification()
    {
        Assert.Equal(405, (await Axon().HandleAsync(Pull() with { Method = "PUT" })).StatusCode);
    }

    [Fact]
    public async Task A_path_below_a_synapse_is_routed_by_its_first_segment_then_not_found()
    {
        var response = await Axon().HandleAsync(Pull() with { Path = "/PullTask/more" });
        Assert.Equal(404, response.StatusCode);
        Assert.Equal("Not Found", JsonDocument.Parse(response.Body).RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Garbage_in_any_header_gives_an_answer_and_never_an_exception()
    {
        var random = new Random(31);
        string[] garbage = ["", " ", "-1", "99999999999999999999", "1e400", "nan", "0x", "None", "IiI=", "\u0000", "5GrwvaEF", "{}", "\x7f"];
        var axon = Axon();
        var requests = new[] { Pull(), Submit() };
        for (var i = 0; i < 400; i++)
        {
            var request = requests[i % 2];
            var name = request.Headers[random.Next(request.Headers.Count)].Key;
            var response = await axon.HandleAsync(request.WithHeader(name, garbage[random.Next(garbage.Length)]));
            Assert.Contains(response.StatusCode, new[] { 200, 400, 401, 403, 422, 500 });
        }
    }

    // PullTask answers Apple; SubmitResults refuses everyone as the subnet's validator refuses unknown hotkeys.
    private AxonPipeline Axon(AxonOptions? options = null) =>
        new AxonPipeline(KnownKeys.BobSs58, options ?? new AxonOptions(), _time)
            .Attach<PullTask>((pull, _) => ValueTask.FromResult(pull with { Task = Apple, ThrottlePeriod = 30 }))
            .Attach<SubmitResults>((submit, _) => ValueTask.FromResult(submit),
                call => BlacklistDecision.Refuse($"Unrecognized hotkey {call.Dendrite.Hotkey} ({call.Dendrite.Ip})"));

    private AxonRequest Pull() => AxonRequests.From(_alice.Prepare(new PullTask(), Bob, TimeSpan.FromSeconds(12)));

    private AxonRequest Submit() =>
        AxonRequests.From(_alice.Prepare(_alice.Submission(Bob, Apple, new byte[] { 1, 2, 3 }), Bob, TimeSpan.FromSeconds(300)));
}
