using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;
using Miner.Actors.Mining.Edge;
using Miner.Actors.Mining.Metagraph;

namespace Miner.Actors.Mining.Simulation;

/// <summary>
/// The subnet base miner's scheduling (scheduler-baseline.md; bittensor-wire.md §3.5) as a model, one loop per GPU:
/// pick a validator round-robin among those whose local cooldown has passed (none: sleep 10 s), set a provisional
/// cooldown of now + 300 s, pull, generate, submit and wait for the answer, adopt its cooldown, loop. No prefetch.
/// The subnet-owner preference is left out (no owner validator in the simulation).
/// </summary>
public sealed class BaseMinerLoop(IScheduler scheduler, IValidatorClient network, IReadOnlyList<ValidatorCandidate> validators,
    Func<TimeSpan> generationTime, GpuUsage usage)
{
    private static readonly TimeSpan FailedValidatorDelay = TimeSpan.FromSeconds(300);
    private readonly Dictionary<string, DateTimeOffset> _cooldown = new(StringComparer.Ordinal);
    private int _cursor;

    public void Start(int workers)
    {
        for (var i = 0; i < workers; i++) _ = Loop();
    }

    private async Task Loop()
    {
        while (true)
        {
            var validator = Next();
            if (validator is null)
            {
                await Sleep(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
                continue;
            }
            _cooldown[validator.Hotkey] = scheduler.Now + FailedValidatorDelay;
            var pull = await network.PullAsync(validator).ConfigureAwait(false);
            if (pull.Kind != PullReplyKind.Task)
            {
                _cooldown[validator.Hotkey] = pull.CooldownUntil ?? scheduler.Now + FailedValidatorDelay;
                continue;
            }
            var took = generationTime();
            await Sleep(took).ConfigureAwait(false);
            usage.Busy += took;
            usage.Tasks++;
            var reply = await network.SubmitAsync(validator, pull.Task!, new byte[1024]).ConfigureAwait(false);
            _cooldown[validator.Hotkey] = reply.Feedback is null ? scheduler.Now + FailedValidatorDelay : reply.CooldownUntil ?? scheduler.Now;
        }
    }

    private ValidatorInfo? Next()
    {
        var now = scheduler.Now;
        for (var i = 0; i < validators.Count; i++)
        {
            var c = validators[(_cursor + i) % validators.Count];
            if (_cooldown.TryGetValue(c.Hotkey, out var until) && until > now) continue;
            _cursor = (_cursor + i + 1) % validators.Count;
            return new ValidatorInfo(c.Uid, c.Hotkey, c.Axon!, c.StakeTao);
        }
        return null;
    }

    private Task Sleep(TimeSpan delay)
    {
        var completion = new TaskCompletionSource();
        scheduler.Advanced.ScheduleOnce(delay, completion.SetResult);
        return completion.Task;
    }
}
