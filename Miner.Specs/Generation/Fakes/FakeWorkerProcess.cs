using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Miner.Actors.Generation;

namespace Miner.Specs.Generation.Fakes;

/// <summary>The python fake worker (fake_worker.py) as a backend process, with intervals short enough for real-time specs.</summary>
internal static class FakeWorkerProcess
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <param name="extra">More fake_worker.py arguments (how it misbehaves).</param>
    public static BackendProcessOptions Options(int port, params string[] extra) => new()
    {
        Command = "python3",
        Arguments = [Path.Combine(AppContext.BaseDirectory, "Generation", "Workers", "fake_worker.py"), "--port", port.ToString(CultureInfo.InvariantCulture), .. extra],
        HealthUrl = new Uri($"http://127.0.0.1:{port}/health"),
        StartTimeout = TimeSpan.FromSeconds(15),
        HealthInterval = TimeSpan.FromMilliseconds(100),
        HealthTimeout = TimeSpan.FromMilliseconds(500),
        HealthFailuresBeforeRestart = 2,
        RestartBackoffMin = TimeSpan.FromMilliseconds(100),
        RestartBackoffMax = TimeSpan.FromMilliseconds(400),
        RestartBudget = 3,
        RestartWindow = TimeSpan.FromMinutes(10),
        StopGracePeriod = TimeSpan.FromSeconds(1),
    };
}
