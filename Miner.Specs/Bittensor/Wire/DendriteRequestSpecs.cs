using System.Net;
using System.Text;
using Miner.Models.Bittensor.Chain;
using Miner.Models.Bittensor.Wire;
using Miner.Models.Protocol;
using Miner.Specs.TestKit;
using static Miner.Specs.Bittensor.Wire.WireSamples;

namespace Miner.Specs.Bittensor.Wire;

public sealed class DendriteRequestSpecs
{
    private const string WorkedBody =
        """{"name": "PullTask", "timeout": 12.0, "total_size": 3056, "header_size": 0, "dendrite": {"status_code": null, "status_message": null, "process_time": null, "ip": "198.51.100.23", "port": null, "version": 9009000, "nonce": 1735689600000000000, "uuid": "d2a6a8c4-c7e8-11ef-9cd2-0242ac120002", "hotkey": "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", "signature": "0x6a0e0e8ce9ea4b3b3a247afc9b676a2ba2e87a2e5d9c3a557fc1bf7fb2b38630a6bc05639c1b2083c194db3938a93f6f7a1f3364ae48d735e9b97bd21833a489"}, "axon": {"status_code": null, "status_message": null, "process_time": null, "ip": "203.0.113.7", "port": 8091, "version": null, "nonce": null, "uuid": null, "hotkey": "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", "signature": null}, "computed_body_hash": "", "task": null, "validation_threshold": 0.6, "throttle_period": 0, "cooldown_until": 0, "cooldown_violations": 0}""";

    private static readonly (string Name, string Value)[] WorkedHeaders =
    [
        ("name", "PullTask"),
        ("timeout", "12.0"),
        ("bt_header_axon_ip", "203.0.113.7"),
        ("bt_header_axon_port", "8091"),
        ("bt_header_axon_hotkey", KnownKeys.BobSs58),
        ("bt_header_dendrite_ip", MinerIp),
        ("bt_header_dendrite_version", "9009000"),
        ("bt_header_dendrite_nonce", "1735689600000000000"),
        ("bt_header_dendrite_uuid", Uuid),
        ("bt_header_dendrite_hotkey", KnownKeys.AliceSs58),
        ("bt_header_dendrite_signature", PullSignature),
        ("header_size", "464"),
        ("total_size", "3056"),
        ("computed_body_hash", EmptyBodyHash),
    ];

    [Fact]
    public void A_pull_task_request_has_the_worked_example_url()
    {
        using var dendrite = AliceDendrite();
        Assert.Equal("http://203.0.113.7:8091/PullTask", dendrite.Prepare(new PullTask(), Bob, TimeSpan.FromSeconds(12)).Url.ToString());
    }

    [Fact]
    public void A_pull_task_request_has_the_worked_example_headers_in_order()
    {
        using var dendrite = AliceDendrite();
        var request = dendrite.Prepare(new PullTask(), Bob, TimeSpan.FromSeconds(12));
        Assert.Equal(WorkedHeaders, request.Headers.Select(h => (h.Key, h.Value)));
    }

    [Fact]
    public void A_pull_task_request_has_the_worked_example_body_byte_for_byte()
    {
        using var dendrite = AliceDendrite();
        var request = dendrite.Prepare(new PullTask(), Bob, TimeSpan.FromSeconds(12));
        Assert.Equal(WorkedBody, Encoding.UTF8.GetString(request.Body));
    }

    [Fact]
    public void The_signed_message_is_nonce_miner_validator_uuid_and_body_hash_joined_by_dots()
    {
        using var dendrite = AliceDendrite();
        var request = dendrite.Prepare(new PullTask(), Bob, TimeSpan.FromSeconds(12));
        Assert.Equal($"{Nonce}.{KnownKeys.AliceSs58}.{KnownKeys.BobSs58}.{Uuid}.{EmptyBodyHash}", request.SignedMessage);
    }

    [Fact]
    public void The_http_message_posts_json_with_every_synapse_header()
    {
        using var dendrite = AliceDendrite();
        using var message = dendrite.Prepare(new PullTask(), Bob, TimeSpan.FromSeconds(12)).ToHttpRequestMessage();
        Assert.Equal(HttpMethod.Post, message.Method);
        Assert.Equal("application/json", message.Content!.Headers.ContentType!.ToString());
        foreach (var (name, value) in WorkedHeaders) Assert.Equal(value, Assert.Single(message.Headers.GetValues(name)));
    }

    [Fact]
    public void Nonces_increase_strictly_even_when_the_clock_stands_still()
    {
        using var dendrite = AliceDendrite();
        var first = dendrite.Prepare(new PullTask(), Bob, TimeSpan.FromSeconds(12));
        var second = dendrite.Prepare(new PullTask(), Bob, TimeSpan.FromSeconds(12));
        Assert.Equal(Nonce.ToString(), first.Headers.Single(h => h.Key == "bt_header_dendrite_nonce").Value);
        Assert.Equal((Nonce + 1).ToString(), second.Headers.Single(h => h.Key == "bt_header_dendrite_nonce").Value);
    }

    [Fact]
    public void Nonces_follow_the_injected_clock_in_nanoseconds()
    {
        var time = new ManualTimeProvider(ManualTimeProvider.NewYear2025);
        using var dendrite = AliceDendrite(time);
        time.Advance(TimeSpan.FromSeconds(1.5));
        var request = dendrite.Prepare(new PullTask(), Bob, TimeSpan.FromSeconds(12));
        Assert.Equal((Nonce + 1_500_000_000).ToString(), request.Headers.Single(h => h.Key == "bt_header_dendrite_nonce").Value);
    }

    [Fact]
    public void A_submit_results_request_carries_the_three_input_object_headers()
    {
        using var dendrite = AliceDendrite();
        var submission = dendrite.Submission(Bob, ProtocolTask.Text("t1", "a red apple"), new byte[] { 1, 2, 3 });
        var headers = dendrite.Prepare(submission, Bob, TimeSpan.FromSeconds(300)).Headers.ToDictionary(h => h.Key, h => h.Value);
        Assert.Equal("IiI=", headers["bt_header_input_obj_results"]);
        Assert.Equal("MA==", headers["bt_header_input_obj_submit_time"]);
        Assert.Equal("IiI=", headers["bt_header_input_obj_signature"]);
        Assert.Equal("300.0", headers["timeout"]);
    }

    [Fact]
    public void A_pull_task_request_carries_no_input_object_headers()
    {
        using var dendrite = AliceDendrite();
        var request = dendrite.Prepare(new PullTask(), Bob, TimeSpan.FromSeconds(12));
        Assert.DoesNotContain(request.Headers, h => h.Key.StartsWith("bt_header_input_obj_", StringComparison.Ordinal));
    }

    [Fact]
    public void A_submission_carries_the_task_id_base64_results_and_the_submit_time_in_nanoseconds()
    {
        using var dendrite = AliceDendrite();
        var submission = dendrite.Submission(Bob, ProtocolTask.Text("t1", "a red apple"), new byte[] { 0xff, 0x00, 0x10 });
        Assert.Equal(("t1", "/wAQ", Nonce), (submission.TaskId, submission.Results, submission.SubmitTime));
        Assert.Null(submission.Task);
    }

    [Fact]
    public void A_declined_task_is_submitted_with_empty_results_and_still_signed()
    {
        using var dendrite = AliceDendrite();
        var submission = dendrite.Submission(Bob, ProtocolTask.Text("t1", "a red apple"), ReadOnlyMemory<byte>.Empty);
        Assert.Equal("", submission.Results);
        Assert.True(LicenseDeclaration.Verify(submission.Signature, submission.SubmitTime, "a red apple", KnownKeys.BobSs58, KnownKeys.AliceSs58));
    }

    [Fact]
    public void The_submission_signature_is_the_specs_licence_vector_for_its_submit_time()
    {
        var time = new ManualTimeProvider(ManualTimeProvider.NewYear2025);
        using var dendrite = AliceDendrite(time);
        time.Advance(TimeSpan.FromSeconds(60));
        var submission = dendrite.Submission(Bob, ProtocolTask.Text("t1", "a red apple"), new byte[] { 1 });
        Assert.Equal((1735689660000000000, LicenceSignatureBase64), (submission.SubmitTime, submission.Signature));
    }

    [Fact]
    public void An_ipv6_target_gets_a_bracketed_url_and_the_plain_address_in_headers()
    {
        using var dendrite = AliceDendrite();
        var request = dendrite.Prepare(new PullTask(), Bob with { Address = IPAddress.Parse("2001:db8::7") }, TimeSpan.FromSeconds(12));
        Assert.Equal("http://[2001:db8::7]:8091/PullTask", request.Url.ToString());
        Assert.Equal("2001:db8::7", request.Headers.Single(h => h.Key == "bt_header_axon_ip").Value);
    }

    [Fact]
    public void A_validator_on_the_miners_own_address_is_reached_through_0_0_0_0_as_bittensor_does()
    {
        using var dendrite = AliceDendrite();
        var request = dendrite.Prepare(new PullTask(), Bob with { Address = IPAddress.Parse(MinerIp) }, TimeSpan.FromSeconds(12));
        Assert.Equal("http://0.0.0.0:8091/PullTask", request.Url.ToString());
        Assert.Equal(MinerIp, request.Headers.Single(h => h.Key == "bt_header_axon_ip").Value);
    }

    [Fact]
    public async Task A_loopback_target_is_refused_without_a_request_when_the_policy_forbids_it()
    {
        using var dendrite = AliceDendrite();
        var outcome = await dendrite.PullTaskAsync(Bob with { Address = IPAddress.Loopback });
        Assert.Equal(DendriteStatus.AddressRefused, outcome.Status);
        Assert.Null(outcome.HttpStatus);
    }

    [Fact]
    public void Options_that_cannot_work_are_refused_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => AliceDendrite(options: new DendriteOptions { PullTimeout = TimeSpan.Zero }));
        Assert.Contains("pull-timeout", error.Message);
    }
}
