using Akka.Actor;
using Akka.Event;
using Miner.Actors.Akka.Introspection;
using Miner.Actors.Akka.Logging;

namespace Miner.Actors.Generation;

/// <summary>
/// Base of the stage actors under a GPU card: one request at a time, the backend call started in the handler and
/// its result piped back as a message, a keyed timer as the timeout (virtual in specs) that cancels the call.
/// Success is answered with <see cref="StageCompleted"/>; a throw, a timeout or a garbage answer makes the stage
/// fail with a <see cref="StageFailureException"/>, so the parent's supervision stops it and re-creates it after a
/// backoff. The stage answers <see cref="StageStatusQuery"/> while its call runs.
/// </summary>
public abstract class GenerationStage<TRequest> : IntrospectiveReceiveActor where TRequest : StageRequest
{
    private const string TimeoutKey = "timeout";
    private readonly string _stage;
    private readonly TimeSpan _timeout;
    private TRequest? _busy;
    private IActorRef _replyTo = null!;
    private DateTimeOffset? _busySince;
    private CancellationTokenSource? _cancellation;
    private long _sequence;

    protected GenerationStage(string stage, TimeSpan timeout)
    {
        _stage = stage;
        _timeout = timeout;
        Receive<TRequest>(Start);
        Receive<Outcome>(Finish);
        Receive<TimedOut>(OnTimedOut);
        Receive<StageStatusQuery>(_ => Sender.Tell(new StageStatus(_stage, _busy?.TaskId, _busy?.Attempt ?? 0, _busySince)));
    }

    /// <summary>Starts the backend call; must not block (CPU work goes to a task of its own).</summary>
    protected abstract Task<object?> Run(TRequest request, CancellationToken cancellation);

    /// <summary>Null when <paramref name="output"/> is usable, else why it is garbage.</summary>
    protected abstract string? Inspect(object output);

    protected override void PostStop()
    {
        // A stage stopped mid-call (timeout, failure, card shutdown) cancels the backend call it started.
        var cancellation = _cancellation;
        _cancellation = null;
        if (cancellation is null) return;
        try
        {
            cancellation.Cancel();
        }
        catch (AggregateException error)
        {
            Log.Warning("{Stage}: cancelling the backend call threw: {Error}", _stage, error.Message);
        }
        cancellation.Dispose();
    }

    private void Start(TRequest request)
    {
        if (_busy is not null)
            throw new StageFailureException(_stage, StageFailureKind.Protocol, request.TaskId, request.Attempt,
                $"a request arrived while {_busy.TaskId} attempt {_busy.Attempt} was running");
        _busy = request;
        _replyTo = Sender;
        _busySince = Context.System.Scheduler.Now;
        _cancellation = new CancellationTokenSource();
        var sequence = ++_sequence;
        Task<object?> work;
        try
        {
            work = Run(request, _cancellation.Token);
        }
        catch (Exception error)
        {
            work = Task.FromException<object?>(error); // a backend that throws before returning its task
        }
        Timers.StartSingleTimer(TimeoutKey, new TimedOut(sequence), _timeout);
        work.PipeTo(Self, success: output => new Outcome(sequence, output, null), failure: error => new Outcome(sequence, null, error));
    }

    private void Finish(Outcome outcome)
    {
        if (_busy is not { } request || outcome.Sequence != _sequence) return; // a call this stage already gave up on
        Timers.Cancel(TimeoutKey);
        if (outcome.Error is { } error)
            throw new StageFailureException(_stage, StageFailureKind.Threw, request.TaskId, request.Attempt, error.Message, error);
        if (outcome.Output is not { } output)
            throw new StageFailureException(_stage, StageFailureKind.Garbage, request.TaskId, request.Attempt, "the backend returned null");
        if (Inspect(output) is { } garbage)
            throw new StageFailureException(_stage, StageFailureKind.Garbage, request.TaskId, request.Attempt, garbage);
        _busy = null;
        _busySince = null;
        _cancellation?.Dispose();
        _cancellation = null;
        _replyTo.Tell(new StageCompleted(request.TaskId, request.Attempt, _stage, output));
    }

    private void OnTimedOut(TimedOut timedOut)
    {
        if (_busy is not { } request || timedOut.Sequence != _sequence) return;
        _cancellation?.Cancel();
        throw new StageFailureException(_stage, StageFailureKind.TimedOut, request.TaskId, request.Attempt,
            $"no answer within {_timeout.TotalSeconds:0.###} s; the call was cancelled");
    }

    private sealed record Outcome(long Sequence, object? Output, Exception? Error);

    private sealed record TimedOut(long Sequence);
}
