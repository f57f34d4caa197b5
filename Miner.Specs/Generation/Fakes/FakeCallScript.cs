using Akka.Actor;
using Akka.TestKit;
using Miner.Specs.TestKit.Akka;
using Miner.Models.Generation;

namespace Miner.Specs.Generation.Fakes;

/// <summary>
/// The behaviour of a fake backend: scripted calls first, then <see cref="Default"/>. Slow calls complete on the
/// spec's virtual clock; hung calls wait until the spec releases them. Every call's cancellation token is kept.
/// </summary>
public sealed class FakeCallScript(IScheduler clock)
{
    private readonly Queue<FakeCall> _next = new();
    private readonly List<Action> _hung = new();
    private readonly object _gate = new();

    public FakeCall Default { get; set; } = FakeCall.Succeed;

    /// <summary>When set, picks each unscripted call instead of <see cref="Default"/> (the property spec's dice).</summary>
    public Func<FakeCall>? Pick { get; set; }

    public int Calls { get; private set; }

    public List<CancellationToken> Tokens { get; } = new();

    /// <summary>How many calls failed with each HTTP failure kind.</summary>
    public Dictionary<HttpBackendFailure, int> HttpFailures { get; } = new();

    public FakeCallScript Then(params FakeCall[] calls)
    {
        lock (_gate)
            foreach (var call in calls) _next.Enqueue(call);
        return this;
    }

    /// <summary>Completes every hung call with a success, as a GPU that answers far too late.</summary>
    public void ReleaseHung()
    {
        List<Action> hung;
        lock (_gate)
        {
            hung = _hung.ToList();
            _hung.Clear();
        }
        foreach (var release in hung) release();
    }

    public Task<T> Invoke<T>(Func<T> success, Func<bool, T> garbage, CancellationToken cancellation, string what) where T : class
    {
        FakeCall call;
        lock (_gate)
        {
            Calls++;
            Tokens.Add(cancellation);
            call = _next.TryDequeue(out var scripted) ? scripted : Pick?.Invoke() ?? Default;
        }
        switch (call.Kind)
        {
            case FakeCallKind.Succeed:
                return Task.FromResult(success());
            case FakeCallKind.Throw:
                return Task.FromException<T>(new InvalidOperationException($"{what}: CUDA error: an illegal memory access was encountered"));
            case FakeCallKind.HttpFailure:
            {
                var failure = call.Http!.Value;
                lock (_gate) HttpFailures[failure] = HttpFailures.GetValueOrDefault(failure) + 1;
                return Task.FromException<T>(new HttpBackendException(what, new Uri("http://127.0.0.1:7000/"), failure, $"injected {failure}",
                    statusCode: failure == HttpBackendFailure.Status ? 500 : null));
            }
            case FakeCallKind.Null:
                return Task.FromResult<T>(null!);
            case FakeCallKind.Garbage:
                return Task.FromResult(garbage(call.NaN));
            case FakeCallKind.Hang:
            {
                var hung = new TaskCompletionSource<T>();
                lock (_gate) _hung.Add(() => hung.TrySetResult(success()));
                return hung.Task;
            }
            default:
            {
                var slow = new TaskCompletionSource<T>();
                cancellation.Register(() => slow.TrySetCanceled(cancellation));
                clock.Advanced.ScheduleOnce(call.Delay, () => slow.TrySetResult(success()));
                return slow.Task;
            }
        }
    }
}
