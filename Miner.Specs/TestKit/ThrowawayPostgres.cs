using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Npgsql;

namespace Miner.Specs.TestKit;

/// <summary>
/// A private PostgreSQL server for specs: initdb into a temp folder, started on a free port with its unix socket in
/// that folder (no TCP listener), one fresh database per <see cref="CreateDatabaseAsync"/>, stopped and deleted on
/// dispose. Started on first use and shared by a test collection (<see cref="PostgresCollection"/>). initdb refuses
/// to run as root, so as root the server runs as the <c>postgres</c> user through <c>runuser</c>.
/// <see cref="UnavailableReason"/> says why specs must skip (no binaries, root without a postgres user).
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable, IDisposable
{
    private static readonly Lazy<(string? BinDir, string? Reason)> Probe = new(FindBinaries);
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private string? _folder;
    private string? _adminConnection;
    private int _databases;

    /// <summary>Null when a server can be started here, else why not.</summary>
    public static string? UnavailableReason => Probe.Value.Reason;

    /// <summary>A connection string to a new, empty database.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var admin = await StartedAsync().ConfigureAwait(false);
        var name = "spec_" + Interlocked.Increment(ref _databases);
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ToString();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        await _startLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_folder is null) return;
            NpgsqlConnection.ClearAllPools();
            var data = Path.Combine(_folder, "data");
            try
            {
                Run(Tool("pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop");
            }
            finally
            {
                TryDelete(_folder);
                _folder = null;
            }
        }
        finally
        {
            _startLock.Release();
        }
    }

    private async Task<string> StartedAsync()
    {
        if (UnavailableReason is { } reason) throw new InvalidOperationException("no throwaway PostgreSQL here: " + reason);
        await _startLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_adminConnection is not null) return _adminConnection;
            var folder = Path.Combine("/tmp", "miner-pg-" + Guid.NewGuid().ToString("N")[..10]);
            Directory.CreateDirectory(folder);
            try
            {
                if (IsRoot) Run("chown", "postgres", folder);
                var data = Path.Combine(folder, "data");
                Run(Tool("initdb"), "-D", data, "-U", "miner", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync");
                var port = FreePort();
                Run(Tool("pg_ctl"), "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
                    "-o", $"-p {port} -k {folder} -c listen_addresses='' -c fsync=off -c full_page_writes=off", "start");
                _folder = folder;
                _adminConnection = new NpgsqlConnectionStringBuilder
                    { Host = folder, Port = port, Username = "miner", Database = "postgres", Pooling = false }.ToString();
                return _adminConnection;
            }
            catch
            {
                TryDelete(folder);
                throw;
            }
        }
        finally
        {
            _startLock.Release();
        }
    }

    private static bool IsRoot => geteuid() == 0;

    private static string Tool(string name) => Path.Combine(Probe.Value.BinDir!, name);

    /// <summary>Runs a server tool (as postgres when we are root); a non-zero exit throws with its output.</summary>
    private static void Run(string file, params string[] args)
    {
        var asPostgres = IsRoot && file != "chown";
        var start = new ProcessStartInfo(asPostgres ? RunUser! : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var arg in new[] { "-u", "postgres", "--", file }) start.ArgumentList.Add(arg);
        }
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(file)} did not finish in 90 s");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} exited with {process.ExitCode}: {stderr.Result}{stdout.Result}");
    }

    private static (string? BinDir, string? Reason) FindBinaries()
    {
        var candidates = new List<string>();
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        var bin = candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        if (bin is null) return (null, "PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin or on PATH; install the postgresql package");
        if (IsRoot)
        {
            if (RunUser is null) return (null, "running as root (initdb refuses) and runuser was not found to run the server as postgres");
            if (!File.Exists("/etc/passwd") || !File.ReadLines("/etc/passwd").Any(l => l.StartsWith("postgres:", StringComparison.Ordinal)))
                return (null, "running as root (initdb refuses) and there is no postgres user to run the server as");
        }
        return (bin, null);
    }

    private static string? RunUser => new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser" }.FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a leftover folder in /tmp is harmless
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [DllImport("libc", SetLastError = false)]
    private static extern uint geteuid();
}
