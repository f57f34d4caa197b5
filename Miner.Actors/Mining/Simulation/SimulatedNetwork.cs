using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;
using Miner.Actors.Mining.Edge;
using Miner.Models.Protocol;

namespace Miner.Actors.Mining.Simulation;

/// <summary>
/// Validators following <see cref="ValidatorRules"/> behind an <see cref="IValidatorClient"/>, with latencies and
/// transport failures in the scheduler's (virtual) time: each call completes when the scheduler reaches its answer
/// time. Failed pulls never reach the validator; a failed submission either never arrives or is processed and loses
/// its reply (a retry then finds no task assigned and is refused, as on the real subnet).
/// </summary>
public sealed class SimulatedNetwork : IValidatorClient
{
    private readonly IScheduler _scheduler;
    private readonly SimulatedNetworkSettings _settings;
    private readonly Random _random;
    private readonly Dictionary<string, ValidatorRules> _validators = new(StringComparer.Ordinal);

    public SimulatedNetwork(IScheduler scheduler, SimulatedNetworkSettings settings, Random random)
    {
        _scheduler = scheduler;
        _settings = settings;
        _random = random;
    }

    public IReadOnlyDictionary<string, ValidatorRules> Validators => _validators;

    /// <summary>Force the outcome of calls (specs): return true to fail this call with a transport error.</summary>
    public Func<string, bool>? FailWhen { get; set; }

    public int Submissions { get; private set; }

    public ValidatorRules Add(string hotkey, ValidatorRuleSettings? rules = null)
    {
        var validator = new ValidatorRules(hotkey, rules);
        _validators[hotkey] = validator;
        return validator;
    }

    public Task<PullReply> PullAsync(ValidatorInfo validator, CancellationToken cancellation = default)
    {
        var rules = _validators[validator.Hotkey];
        var failed = Fails("pull");
        return After(_settings.PullLatency, () => failed ? PullReply.Failed("simulated transport error") : rules.Pull(_scheduler.Now));
    }

    public Task<SubmitReply> SubmitAsync(ValidatorInfo validator, ProtocolTask task, ReadOnlyMemory<byte> spz, CancellationToken cancellation = default)
    {
        Submissions++;
        var rules = _validators[validator.Hotkey];
        var failed = Fails("submit");
        var lostReply = failed && _random.NextDouble() < _settings.LostReplyShare;
        var empty = spz.IsEmpty;
        var score = _random.NextDouble() < _settings.AcceptRate ? 0.8 : 0.3;
        if (failed && !lostReply) return After(_settings.UploadLatency, () => SubmitReply.Failed("simulated transport error"));
        return After(_settings.UploadLatency + _settings.ValidationTime, () =>
        {
            var reply = rules.Submit(_scheduler.Now, task.Id, empty, score);
            return lostReply ? SubmitReply.Failed("simulated lost reply") : reply;
        });
    }

    private bool Fails(string call) => FailWhen?.Invoke(call) ?? _random.NextDouble() < _settings.TransportFailureRate;

    private Task<T> After<T>(TimeSpan delay, Func<T> answer)
    {
        var completion = new TaskCompletionSource<T>();
        _scheduler.Advanced.ScheduleOnce(delay, () => completion.SetResult(answer()));
        return completion.Task;
    }
}
