using System.Net;
using System.Text.Json;
using Akka.Actor;
using Miner.Host.Admin;

namespace Miner.Specs.Admin;

public sealed class AdminEndpointSpecs : AdminSpec
{
    [Fact]
    public void A_request_without_a_token_is_refused_with_401()
    {
        StartNode();
        var (status, body) = Send(HttpMethod.Get, "api/actors", token: "");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("\"error\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_with_a_wrong_token_is_refused_with_401()
    {
        StartNode();
        var (status, _) = Send(HttpMethod.Get, "api/validators", token: new string('0', 64));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public void The_token_file_is_created_owner_only_and_reused_at_the_next_start()
    {
        StartNode();
        var first = Token;
        Assert.Matches("^[0-9a-f]{64}$", first);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(TokenFile));

        var second = StartEndpoint(new AdminOptions { Port = 0 });

        Assert.Equal(first, Token);
        using var http = new HttpClient { BaseAddress = second.Address };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", first);
        Assert.Equal(HttpStatusCode.OK, Await(http.GetAsync("api/gpus")).StatusCode);
    }

    [Fact]
    public void A_non_loopback_host_is_refused_without_the_override()
    {
        StartNode();
        var error = Assert.Throws<AdminRefusedException>(() => StartEndpoint(new AdminOptions { Host = "0.0.0.0", Port = 0 }));
        Assert.Contains("miner.admin.allow-non-loopback", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_loopback_host_is_served_with_the_override()
    {
        StartNode();
        var endpoint = StartEndpoint(new AdminOptions { Host = "0.0.0.0", Port = 0, AllowNonLoopback = true });
        Assert.NotEqual(0, endpoint.Address.Port);
    }

    [Fact]
    public void Actors_lists_the_mining_tree()
    {
        StartNode(validators: 2, gpus: 2);
        var tree = Get("api/actors");
        var paths = All(tree).Select(a => a.GetProperty("path").GetString()).ToList();
        foreach (var path in new[] { "/user/miner", "/user/miner/router", "/user/miner/scorekeeper", "/user/miner/pollers/v-hk1", "/user/miner/gpus/gpu-1" })
            Assert.Contains(path, paths);
    }

    [Fact]
    public void Actors_with_a_path_and_depth_zero_gives_that_actor_alone()
    {
        StartNode(validators: 2);
        var pollers = Get("api/actors?path=/user/miner/pollers&depth=0");
        Assert.Equal("/user/miner/pollers", pollers.GetProperty("path").GetString());
        Assert.Equal(0, pollers.GetProperty("children").GetArrayLength());
        Assert.Equal(2, pollers.GetProperty("childCount").GetInt32());
    }

    [Fact]
    public void Show_gives_one_actors_row_and_404_for_an_unknown_path()
    {
        StartNode();
        var router = Get("api/actors/show?path=/user/miner/router");
        Assert.Equal("TaskRouter", router.GetProperty("type").GetString());
        var (status, body) = Send(HttpMethod.Get, "api/actors/show?path=/user/miner/nobody");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Single(body.Trim().Split('\n'));
    }

    [Fact]
    public void Validators_lists_each_validator_with_its_counters()
    {
        StartNode(validators: 4);
        Advance(TimeSpan.FromMinutes(20));
        var validators = Get("api/validators");
        Assert.Equal(4, validators.GetProperty("validators").GetArrayLength());
        var pulls = validators.GetProperty("validators").EnumerateArray().Sum(v => v.GetProperty("pulls").GetInt32());
        var accepted = validators.GetProperty("validators").EnumerateArray().Sum(v => v.GetProperty("accepted").GetInt32());
        Assert.Equal(Validators.Sum(v => v.TasksHandedOut), pulls);
        Assert.Equal(Validators.Sum(v => v.Accepted), accepted);
        Assert.Equal("hk2", Validator(validators, 2).GetProperty("hotkey").GetString());
        Assert.Equal(2000, Validator(validators, 2).GetProperty("stakeTao").GetDouble());
    }

    [Fact]
    public void Blacklisting_a_uid_shows_the_ban_with_its_reason_and_expiry()
    {
        StartNode();
        var (status, body) = Send(HttpMethod.Post, "api/blacklist", """{"uid": 2, "for": "2h", "reason": "spam"}""");
        Assert.True(status == HttpStatusCode.OK, body);

        var row = Validator(Get("api/validators"), 2);
        Assert.True(row.GetProperty("banned").GetBoolean());
        Assert.Equal("manual: spam", row.GetProperty("banReason").GetString());
        Assert.Equal(Clock.Now + TimeSpan.FromHours(2), row.GetProperty("banUntil").GetDateTimeOffset());
    }

    [Fact]
    public void A_blacklisting_survives_a_restart_of_the_ScoreKeeper()
    {
        StartNode();
        Send(HttpMethod.Post, "api/blacklist", """{"hotkey": "hk1", "reason": "by hand"}""");
        var keeper = Await(Sys.ActorSelection("/user/miner/scorekeeper/scorekeeper").ResolveOne(TimeSpan.FromSeconds(5)));
        Watch(keeper);
        keeper.Tell(PoisonPill.Instance);
        ExpectTerminated(keeper);
        Advance(TimeSpan.FromSeconds(5)); // the backoff supervisor re-creates it; it recovers from the journal

        var again = Await(Sys.ActorSelection("/user/miner/scorekeeper/scorekeeper").ResolveOne(TimeSpan.FromSeconds(5)));
        Assert.NotEqual(keeper, again);
        var row = Validator(Get("api/validators"), 1);
        Assert.True(row.GetProperty("banned").GetBoolean());
        Assert.Equal("manual: by hand", row.GetProperty("banReason").GetString());
    }

    [Fact]
    public void Removing_a_blacklisting_lifts_the_ban()
    {
        StartNode();
        Send(HttpMethod.Post, "api/blacklist", """{"uid": 3}""");
        var (status, body) = Send(HttpMethod.Delete, "api/blacklist/3");
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.False(Validator(Get("api/validators"), 3).GetProperty("banned").GetBoolean());
    }

    [Fact]
    public void Blacklisting_an_unknown_uid_is_404_in_one_line()
    {
        StartNode();
        var (status, body) = Send(HttpMethod.Post, "api/blacklist", """{"uid": 99}""");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Single(body.Trim().Split('\n'));
    }

    [Fact]
    public void An_oversized_body_is_refused_with_400()
    {
        StartNode();
        var (status, body) = Send(HttpMethod.Post, "api/blacklist", "{\"reason\": \"" + new string('x', 20_000) + "\"}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("larger than 16384 bytes", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"uid": "two"}""")]
    [InlineData("""{"uid": 1, "for": "soon"}""")]
    [InlineData("""{"uid": 1, "color": "red"}""")]
    [InlineData("""not json""")]
    [InlineData("""[1, 2]""")]
    public void A_malformed_blacklist_body_is_400_with_a_one_line_error(string json)
    {
        StartNode();
        var (status, body) = Send(HttpMethod.Post, "api/blacklist", json);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error").GetString()!;
        Assert.DoesNotContain('\n', error);
        Assert.DoesNotContain(" at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Drain_stops_the_pulls_and_resume_starts_them_again()
    {
        StartNode(validators: 20);
        Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.OK, Send(HttpMethod.Post, "api/drain").Status);
        Advance(TimeSpan.FromMinutes(2));
        var pulled = Validators.Sum(v => v.TasksHandedOut);
        Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(pulled, Validators.Sum(v => v.TasksHandedOut));

        var (status, body) = Send(HttpMethod.Post, "api/resume");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("pulling").GetBoolean());
        Advance(TimeSpan.FromMinutes(20));
        Assert.True(Validators.Sum(v => v.TasksHandedOut) > pulled, "no pull after resume");
    }

    [Fact]
    public void Tasks_and_gpus_answer_with_the_routers_table_and_each_card()
    {
        StartNode(gpus: 2);
        Advance(TimeSpan.FromMinutes(1));
        var tasks = Get("api/tasks");
        Assert.True(tasks.TryGetProperty("openSlots", out _));
        Assert.Equal(tasks.GetProperty("tasks").GetArrayLength(), Await(Miner.Ask<Actors.Mining.Routing.InFlightTasks>(
            new Actors.Mining.Routing.GetInFlightTasks(), TimeSpan.FromSeconds(5))).Tasks.Count);
        var gpus = Get("api/gpus");
        Assert.Equal(0, gpus.GetProperty("unanswered").GetArrayLength());
        Assert.Equal(["gpu-0", "gpu-1"], gpus.GetProperty("gpus").EnumerateArray().Select(g => g.GetProperty("gpu").GetString()));
    }

    [Fact]
    public void An_unknown_resource_is_404_in_one_line()
    {
        StartNode();
        var (status, body) = Send(HttpMethod.Get, "api/nothing");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Single(body.Trim().Split('\n'));
    }

    private static IEnumerable<JsonElement> All(JsonElement actor) =>
        actor.GetProperty("children").EnumerateArray().SelectMany(All).Prepend(actor);
}
