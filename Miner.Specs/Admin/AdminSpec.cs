using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Akka.Actor;
using Miner.Actors.Mining;
using Miner.Actors.Mining.Metagraph;
using Miner.Actors.Mining.Simulation;
using Miner.Host.Admin;
using Miner.Models.Bittensor.Wire;
using Miner.Specs.Mining.Fakes;
using Miner.Specs.TestKit.Akka;

namespace Miner.Specs.Admin;

/// <summary>
/// The admin endpoint on a free loopback port over the whole mining tree (<c>/user/miner</c>) with simulated validators
/// (uids 0..n-1, hotkeys hk0..) and fake GPUs, in virtual time (the pump runs the actors while HTTP requests wait).
/// </summary>
public abstract class AdminSpec : MinerSpec
{
    private readonly List<AdminEndpoint> _endpoints = [];

    protected AdminSpec()
    {
        Folder = Directory.CreateTempSubdirectory("admin-spec-").FullName;
        TokenFile = Path.Combine(Folder, "admin.token");
    }

    protected string Folder { get; }

    protected string TokenFile { get; }

    protected SimulatedNetwork Network { get; private set; } = null!;

    protected IActorRef Miner { get; private set; } = null!;

    protected AdminEndpoint Endpoint { get; private set; } = null!;

    protected IEnumerable<ValidatorRules> Validators => Network.Validators.Values;

    protected void StartNode(int validators = 4, int gpus = 1)
    {
        var random = new Random(7);
        Network = new SimulatedNetwork(Clock, new SimulatedNetworkSettings(), random);
        var candidates = new List<ValidatorCandidate>();
        for (var uid = 0; uid < validators; uid++)
        {
            Network.Add($"hk{uid}");
            candidates.Add(new ValidatorCandidate(uid, $"hk{uid}", new AxonTarget(IPAddress.Parse("203.0.113.1"), 9000 + uid, $"hk{uid}"), 1000 + 500 * uid, null));
        }
        var behaviour = new FakeGpuBehaviour();
        var setup = new MinerGuardianSetup(new MiningOptions(), new StaticValidatorSetSource(candidates), Network, new SimulatedEncoder(),
            "hk-own", 1000, TimeSpan.FromMinutes(30), Enumerable.Range(0, gpus).Select(i => $"gpu-{i}").ToList(),
            (name, router) => Props.Create(() => new FakeGpu(name, router, behaviour)), Random: random);
        Miner = StartActor(Props.Create(() => new MinerGuardian(setup)), MinerGuardian.Name);
        Endpoint = StartEndpoint(new AdminOptions { Port = 0 });
    }

    protected AdminEndpoint StartEndpoint(AdminOptions options)
    {
        var endpoint = AdminEndpoint.StartAsync(Sys, Miner, options, TokenFile).GetAwaiter().GetResult();
        _endpoints.Add(endpoint);
        return endpoint;
    }

    protected string Token => File.ReadAllText(TokenFile).Trim();

    /// <summary>One request with the right token (or <paramref name="token"/>, or none when it is empty).</summary>
    protected (HttpStatusCode Status, string Body) Send(HttpMethod method, string path, string? body = null, string? token = null)
    {
        using var http = new HttpClient { BaseAddress = Endpoint.Address, Timeout = TimeSpan.FromSeconds(20) };
        using var request = new HttpRequestMessage(method, path);
        var bearer = token ?? Token;
        if (bearer.Length > 0) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = http.SendAsync(request).GetAwaiter().GetResult();
        return (response.StatusCode, response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
    }

    protected JsonElement Get(string path)
    {
        var (status, body) = Send(HttpMethod.Get, path);
        Assert.True(status == HttpStatusCode.OK, $"{path}: {(int)status} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    protected static JsonElement Validator(JsonElement validators, int uid) =>
        validators.GetProperty("validators").EnumerateArray().Single(v => v.GetProperty("uid").GetInt32() == uid);

    /// <summary>Runs `miner ctl` in process against the endpoint.</summary>
    protected (int Exit, string Out, string Error) Ctl(params string[] args) => CtlAt(Endpoint.Address.ToString(), TokenFile, args);

    protected static (int Exit, string Out, string Error) CtlAt(string node, string tokenFile, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = Host.Cli.MinerCli.Run(["ctl", "--node", node, "--token-file", tokenFile, .. args], stdout, stderr, new Dictionary<string, string?>());
        return (exit, stdout.ToString(), stderr.ToString());
    }

    protected override void AfterAll()
    {
        foreach (var endpoint in _endpoints) endpoint.DisposeAsync().AsTask().GetAwaiter().GetResult();
        base.AfterAll();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS's temp cleanup
        }
    }
}
