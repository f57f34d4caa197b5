using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;

namespace Miner.Actors.Generation;

/// <summary>
/// Keeps one backend service process alive on one card: launches it with <c>CUDA_VISIBLE_DEVICES</c> set to the
/// card, waits for its health URL, restarts it with exponential backoff when it exits, never becomes healthy, or
/// stops answering health checks (a hang), and gives up past the restart budget. Its stdout and stderr go to the log
/// line by line with the card as a property. The parent hears <see cref="GpuHealthChanged"/> on every change.
/// Starting, checking and stopping run off the handler; results come back as messages tagged with the launch's
/// generation so that news about an earlier process is recognised and ignored.
/// </summary>
public sealed class BackendProcessActor : IntrospectiveReceiveActor
{
    private const string HealthTick = "health-tick";
    private const string StartDeadline = "start-deadline";
    private const string Relaunch = "relaunch";

    private readonly string _gpu;
    private readonly int _device;
    private readonly IActorRef _parent;
    private readonly BackendProcessOptions _options;
    private readonly HttpClient _http;
    private readonly ILoggingAdapter _log;
    private readonly List<DateTimeOffset> _restarts = [];
    private BackendProcessPhase _phase = BackendProcessPhase.Starting;
    private int _generation;
    private int _totalRestarts;
    private Process? _process;
    private Task<Process>? _launching;
    private bool _checking;
    private int _failedChecks;
    private string? _lastProblem;

    public BackendProcessActor(string gpu, int device, IActorRef parent, BackendProcessOptions options, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(device);
        (_gpu, _device, _parent, _options, _http) = (gpu, device, parent, options, http);
        _log = Log.With("Gpu", gpu);

        Receive<Launched>(OnLaunched);
        Receive<LaunchFailed>(failed => { if (failed.Generation == _generation) Restart($"could not start '{_options.Command}': {failed.Problem}"); });
        Receive<Exited>(exited => { if (exited.Generation == _generation && _phase is BackendProcessPhase.Starting or BackendProcessPhase.Healthy) Restart($"the process exited with code {exited.Code?.ToString(CultureInfo.InvariantCulture) ?? "?"}"); });
        Receive<OutputLine>(OnOutput);
        Receive<string>(tick => tick == HealthTick, _ => CheckHealth());
        Receive<HealthChecked>(OnHealthChecked);
        Receive<string>(tick => tick == StartDeadline, _ => { if (_phase == BackendProcessPhase.Starting) Restart($"not healthy within {Seconds(_options.StartTimeout)} s of launch"); });
        Receive<Stopped>(stopped => { if (stopped.Generation == _generation) ScheduleRelaunch(); });
        Receive<string>(tick => tick == Relaunch, _ => Launch());
        Receive<GetBackendProcessState>(_ => Sender.Tell(new BackendProcessState(_phase, _process is { } p ? SafePid(p) : null, _totalRestarts, _lastProblem), Self));
    }

    public static Props Props(string gpu, int device, IActorRef parent, BackendProcessOptions options, HttpClient http) =>
        global::Akka.Actor.Props.Create(() => new BackendProcessActor(gpu, device, parent, options, http));

    protected override void PreStart() => Launch();

    protected override void PostStop()
    {
        var grace = _options.StopGracePeriod;
        if (_process is { } process)
        {
            _log.Info("{Gpu}: stopping worker pid {Pid}", _gpu, SafePid(process));
            _ = Task.Run(() => StopAsync(process, grace));
        }
        // A launch still in flight would otherwise leave an orphan nobody knows about.
        if (_launching is { IsCompleted: false } launching)
            _ = launching.ContinueWith(t => t.IsCompletedSuccessfully ? StopAsync(t.Result, grace) : Task.CompletedTask, TaskScheduler.Default).Unwrap();
        _process = null;
    }

    private void Launch()
    {
        _phase = BackendProcessPhase.Starting;
        _failedChecks = 0;
        var generation = ++_generation;
        var self = Self;
        var start = StartInfo();
        _log.Info("{Gpu}: launching worker '{Command}' on CUDA device {Device} (launch {Generation})", _gpu, _options.Command, _device, generation);
        _launching = Task.Run(() => Start(start, generation, self));
        _launching.PipeTo(self, success: p => new Launched(generation, p), failure: e => new LaunchFailed(generation, e.Message));
        Timers.StartSingleTimer(StartDeadline, StartDeadline, _options.StartTimeout);
        Timers.StartPeriodicTimer(HealthTick, HealthTick, _options.HealthInterval);
    }

    private ProcessStartInfo StartInfo()
    {
        var start = new ProcessStartInfo(_options.Command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var argument in _options.Arguments) start.ArgumentList.Add(argument);
        if (_options.WorkingDirectory is { } directory) start.WorkingDirectory = directory;
        foreach (var (name, value) in _options.Environment) start.Environment[name] = value;
        start.Environment["CUDA_VISIBLE_DEVICES"] = _device.ToString(CultureInfo.InvariantCulture);
        return start;
    }

    /// <summary>Runs on the pool: the process's output and exit come back to the actor as messages.</summary>
    private static Process Start(ProcessStartInfo start, int generation, IActorRef self)
    {
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) self.Tell(new OutputLine("stdout", e.Data)); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) self.Tell(new OutputLine("stderr", e.Data)); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExitAsync().PipeTo(self, success: () => new Exited(generation, SafeExitCode(process)), failure: _ => new Exited(generation, null));
        return process;
    }

    private void OnLaunched(Launched launched)
    {
        if (launched.Generation != _generation)
        {
            // Superseded while it was starting (restart or stop): nobody will supervise it.
            _ = Task.Run(() => StopAsync(launched.Process, _options.StopGracePeriod));
            return;
        }
        _process = launched.Process;
        _log.Info("{Gpu}: worker started as pid {Pid}; waiting for {Health}", _gpu, SafePid(launched.Process), _options.HealthUrl);
    }

    private void OnOutput(OutputLine line)
    {
        var text = line.Text.Length > _options.MaxLogLineChars ? line.Text[.._options.MaxLogLineChars] + " [cut]" : line.Text;
        _log.With("Stream", line.Stream).Info("{Gpu} worker {Stream}: {Line}", _gpu, line.Stream, text);
    }

    private void CheckHealth()
    {
        if (_checking || _process is null || _phase is not (BackendProcessPhase.Starting or BackendProcessPhase.Healthy)) return;
        _checking = true;
        var generation = _generation;
        Probe(_http, _options.HealthUrl, _options.HealthTimeout)
            .PipeTo(Self, success: problem => new HealthChecked(generation, problem), failure: e => new HealthChecked(generation, e.Message));
    }

    private void OnHealthChecked(HealthChecked result)
    {
        _checking = false;
        if (result.Generation != _generation) return;
        if (result.Problem is null)
        {
            _failedChecks = 0;
            if (_phase != BackendProcessPhase.Starting) return;
            _phase = BackendProcessPhase.Healthy;
            Timers.Cancel(StartDeadline);
            _log.Info("{Gpu}: worker pid {Pid} is healthy", _gpu, _process is { } p ? SafePid(p) : null);
            _parent.Tell(new GpuHealthChanged(_gpu, true, $"worker '{_options.Command}' healthy at {_options.HealthUrl}"), Self);
            return;
        }
        // While starting, failed checks are expected (models loading); the start deadline decides.
        if (_phase != BackendProcessPhase.Healthy) return;
        _failedChecks++;
        _log.Warning("{Gpu}: worker health check failed ({Failed} of {Allowed}): {Problem}", _gpu, _failedChecks, _options.HealthFailuresBeforeRestart, result.Problem);
        if (_failedChecks >= _options.HealthFailuresBeforeRestart)
            Restart($"{_failedChecks} health checks failed in a row, last: {result.Problem}");
    }

    private void Restart(string problem)
    {
        var wasHealthy = _phase == BackendProcessPhase.Healthy;
        _lastProblem = problem;
        Timers.Cancel(HealthTick);
        Timers.Cancel(StartDeadline);
        var now = Context.System.Scheduler.Now;
        _restarts.RemoveAll(at => now - at > _options.RestartWindow);
        var process = _process;
        _process = null;
        var generation = ++_generation;
        if (_restarts.Count >= _options.RestartBudget)
        {
            _phase = BackendProcessPhase.GaveUp;
            if (process is not null) _ = Task.Run(() => StopAsync(process, _options.StopGracePeriod));
            var why = $"worker gave up after {_restarts.Count} restarts within {Seconds(_options.RestartWindow)} s; last problem: {problem}";
            _log.Error("{Gpu}: {Why}", _gpu, why);
            _parent.Tell(new GpuHealthChanged(_gpu, false, why), Self);
            return;
        }
        _restarts.Add(now);
        _totalRestarts++;
        _phase = BackendProcessPhase.Restarting;
        _log.Warning("{Gpu}: restarting worker: {Problem}", _gpu, problem);
        if (wasHealthy) _parent.Tell(new GpuHealthChanged(_gpu, false, $"worker restarting: {problem}"), Self);
        var stopping = process is null ? Task.CompletedTask : Task.Run(() => StopAsync(process, _options.StopGracePeriod));
        stopping.PipeTo(Self, success: () => new Stopped(generation), failure: _ => new Stopped(generation));
    }

    private void ScheduleRelaunch()
    {
        if (_phase != BackendProcessPhase.Restarting) return;
        var doublings = Math.Min(_restarts.Count - 1, 30);
        var backoff = TimeSpan.FromTicks(Math.Min(_options.RestartBackoffMax.Ticks, _options.RestartBackoffMin.Ticks * (1L << doublings)));
        _log.Info("{Gpu}: relaunching the worker in {Backoff} s", _gpu, Seconds(backoff));
        Timers.StartSingleTimer(Relaunch, Relaunch, backoff);
    }

    /// <summary>Null when healthy, else what went wrong. Never throws.</summary>
    private static async Task<string?> Probe(HttpClient http, Uri url, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : $"{url}: status {(int)response.StatusCode}";
        }
        catch (OperationCanceledException)
        {
            return $"{url}: no answer within {Seconds(timeout)} s";
        }
        catch (HttpRequestException error)
        {
            return $"{url}: {error.Message}";
        }
    }

    /// <summary>SIGTERM (where there is one), then SIGKILL of the whole tree after the grace period.</summary>
    private static async Task StopAsync(Process process, TimeSpan grace)
    {
        try
        {
            if (process.HasExited) return;
            if (!OperatingSystem.IsWindows())
            {
                using var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
                if (term is not null) await term.WaitForExitAsync().ConfigureAwait(false);
            }
            using (var wait = new CancellationTokenSource(grace))
            {
                try
                {
                    await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
                    return;
                }
                catch (OperationCanceledException)
                {
                }
            }
            process.Kill(entireProcessTree: true);
            using var last = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(last.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is InvalidOperationException or System.ComponentModel.Win32Exception or OperationCanceledException)
        {
            // Already gone, or never started: nothing left to stop.
        }
        finally
        {
            process.Dispose();
        }
    }

    private static int? SafePid(Process process)
    {
        try
        {
            return process.Id;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static int? SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private sealed record Launched(int Generation, Process Process);

    private sealed record LaunchFailed(int Generation, string Problem);

    private sealed record Exited(int Generation, int? Code);

    private sealed record OutputLine(string Stream, string Text);

    private sealed record HealthChecked(int Generation, string? Problem);

    private sealed record Stopped(int Generation);
}
