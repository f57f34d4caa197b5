using System.Net;
using Miner.Models.Configuration.Rules;

namespace Miner.Host.Admin;

/// <summary>
/// The operator's HTTP endpoint of a running node (HOCON <c>miner.admin { }</c>): where it listens, where its bearer
/// token lives, and how long it waits for an actor's answer. Loopback only unless <see cref="AllowNonLoopback"/>.
/// </summary>
public sealed class AdminOptions : IValidatedOptions
{
    /// <summary>False: `miner run` and `miner devnet` start no endpoint (and `miner ctl` has nothing to talk to).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Address to listen on; a loopback address unless <see cref="AllowNonLoopback"/>.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>TCP port of `miner run`; 0 picks a free one (printed at start). The devnet always picks a free one.</summary>
    [Between(0, 65535)]
    public int Port { get; set; } = 9477;

    /// <summary>The bearer token's file, relative to the miner home; created (32 random bytes, hex, mode 0600) at first start.</summary>
    public string TokenFile { get; set; } = "admin.token";

    /// <summary>Listening on a non-loopback address is refused unless this is true (the endpoint is plain HTTP).</summary>
    public bool AllowNonLoopback { get; set; }

    /// <summary>Longest wait for an actor's answer; past it the request gets 504.</summary>
    [Between("100ms", "60s")]
    public TimeSpan AskTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<(string Key, string Problem)> Problems()
    {
        if (!IPAddress.TryParse(Host, out _)) yield return ("host", $"'{Host}' is not an IP address");
        if (string.IsNullOrWhiteSpace(TokenFile)) yield return ("token-file", "must name a file");
    }

    /// <summary>Whether <see cref="Host"/> is a loopback address (127.0.0.0/8, ::1).</summary>
    public bool IsLoopback => IPAddress.TryParse(Host, out var address) && IPAddress.IsLoopback(address);

    /// <summary>The URL `miner ctl` calls by default.</summary>
    public Uri DefaultNode =>
        new($"http://{(IPAddress.TryParse(Host, out var a) && a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{Host}]" : Host)}:{Port}/");
}
